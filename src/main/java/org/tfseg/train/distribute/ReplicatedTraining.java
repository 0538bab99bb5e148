package org.tfseg.train.distribute;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.DeviceSpec;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tfseg.graph.Gradients;
import org.tfseg.graph.Layers;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.ReplicaBatchNorm;
import org.tfseg.metric.StreamingMetric;
import org.tfseg.model.Heads;
import org.tfseg.train.ModelSpec;
import org.tfseg.train.Replication;
import org.tfseg.train.TrainingSessionConfig;

/**
 * Synchronous data-parallel training in one graph: {@code replicas} training towers sharing the
 * weights, tower {@code t} on device {@code t} and on its slice of the batch, and one optimizer
 * step with the gradient of the global batch's mean loss.
 *
 * <p>Each tower's loss is its slice's mean; the graph differentiates {@code Σ_t n_t·loss_t} (the
 * summed loss, {@code n_t} the tower's samples), sums it over the workers with {@link
 * GradientBuckets} when there is a cluster, and divides by the global sample count — the gradient
 * of the mean loss over the global batch, so uneven slices (a short last batch, a padding row of an
 * empty shard, which weighs 0) are exact. The loss and the metrics' additive statistics are reduced
 * the same way, so every worker reports the global batch's values, the ones a single process at
 * that batch would. BatchNorm: {@link BatchNormReplicas}. Dropout masks are drawn per replica
 * (seeded by step and replica), so with dropout replicas match a single process in distribution
 * only.
 */
public final class ReplicatedTraining implements Replication {
  private final List<DeviceSpec> devices;
  private final boolean syncBatchNorm;
  private final ClusterLink cluster;
  private final int replicas;
  private Placeholder<TInt32> begins;
  private Placeholder<TInt32> sizes;
  private Placeholder<TFloat32> samples;

  /**
   * @param devices one device per replica (null entries: TF's default device)
   * @param cluster the cluster this process is a worker of; null for a single process
   */
  ReplicatedTraining(List<DeviceSpec> devices, boolean syncBatchNorm, ClusterLink cluster) {
    this.devices = new ArrayList<>(devices);
    this.replicas = devices.size();
    this.syncBatchNorm = syncBatchNorm;
    this.cluster = cluster;
  }

  /** In-process replicas on {@code devices} ({@code /cpu:K}, {@code /gpu:K} or null). */
  public static ReplicatedTraining local(List<String> devices, boolean syncBatchNorm) {
    return new ReplicatedTraining(Devices.specs(devices), syncBatchNorm, null);
  }

  /**
   * Replicas on {@code devices} in this process, a worker of {@code cluster}: the gradients, loss,
   * metric statistics and BatchNorm statistics are all-reduced over the workers.
   */
  public static ReplicatedTraining worker(
      List<String> devices, boolean syncBatchNorm, WorkerCluster cluster) {
    return new ReplicatedTraining(Devices.specs(devices), syncBatchNorm, cluster);
  }

  @Override
  public Step build(Inputs in) {
    Ops tf = in.tf();
    Ops root = tf.withSubScope("replicas");
    begins =
        root.withName("begins").placeholder(TInt32.class, Placeholder.shape(Shape.of(replicas, 4)));
    sizes =
        root.withName("sizes").placeholder(TInt32.class, Placeholder.shape(Shape.of(replicas, 4)));
    samples =
        root.withName("samples").placeholder(TFloat32.class, Placeholder.shape(Shape.of(replicas)));
    Collectives collectives =
        cluster == null ? null : cluster.collectives(Collectives.TRAINING_GROUP);
    Operand<TFloat32> localSamples = root.reduceSum(samples, root.constant(0));
    Operand<TFloat32> globalSamples =
        collectives == null ? localSamples : collectives.sum(root, localSamples);
    BatchNormReplicas bn = new BatchNormReplicas(root, syncBatchNorm, globalSamples, collectives);
    List<Operand<TFloat32>> towerSamples = new ArrayList<>();
    for (int t = 0; t < replicas; t++) {
      towerSamples.add(root.gather(samples, root.constant(t), root.constant(0)));
    }
    List<Tower> towers = new ArrayList<>();
    if (syncBatchNorm && replicas > 1) {
      towers.addAll(
          Lockstep.run(
              replicas, step -> t -> tower(in, t, bn.replica(t, towerSamples.get(t), step))));
    } else {
      for (int t = 0; t < replicas; t++) {
        towers.add(tower(in, t, bn.replica(t, towerSamples.get(t), null)));
      }
    }

    // Σ_t n_t·loss_t, differentiated once: TF adds the towers' gradient paths.
    List<Operand<TFloat32>> weighted = new ArrayList<>();
    for (int t = 0; t < replicas; t++) {
      weighted.add(root.math.mul(towers.get(t).loss, towerSamples.get(t)));
    }
    Operand<TFloat32> lossSum = weighted.size() == 1 ? weighted.get(0) : root.math.addN(weighted);
    // A weight penalty weighs this worker's sample count: summed over the workers and divided by
    // the global count, its gradient is the penalty's own, as in one process.
    Operand<TFloat32> objective =
        in.penalty() == null
            ? lossSum
            : root.math.add(lossSum, root.math.mul(in.penalty(), localSamples));
    List<ModelVariable> trainable = in.store().trainable();
    Output<?>[] xs = trainable.stream().map(v -> v.value().asOutput()).toArray(Output<?>[]::new);
    Output<?>[] grads =
        Gradients.of(tf, objective.asOutput(), xs, in.spec().gradientCheckpointing());
    List<Operand<TFloat32>> gradSums = new ArrayList<>();
    for (Output<?> g : grads) {
      @SuppressWarnings("unchecked")
      Operand<TFloat32> typed = (Operand<TFloat32>) g;
      gradSums.add(typed);
    }
    Ops reduce = root.withSubScope("allreduce");
    if (collectives != null) {
      gradSums =
          GradientBuckets.sum(
              reduce, gradSums, trainable.stream().map(ModelVariable::shape).toList(), collectives);
    }
    List<Operand<TFloat32>> gradients = new ArrayList<>();
    for (Operand<TFloat32> g : gradSums) {
      gradients.add(reduce.math.div(g, globalSamples));
    }

    // loss and metric statistics: sums over the towers, then the workers, in one vector
    int metrics = in.spec().metrics().size();
    List<Operand<TFloat64>> scalars = new ArrayList<>();
    scalars.add(root.dtypes.cast(lossSum, TFloat64.class));
    List<Integer> counts = new ArrayList<>();
    for (int m = 0; m < metrics; m++) {
      int k = towers.get(0).statistics.get(m).size();
      counts.add(k);
      for (int j = 0; j < k; j++) {
        List<Operand<TFloat64>> parts = new ArrayList<>();
        for (Tower tower : towers) {
          parts.add(tower.statistics.get(m).get(j));
        }
        scalars.add(parts.size() == 1 ? parts.get(0) : root.math.addN(parts));
      }
    }
    Operand<TFloat64> packed = root.stack(scalars);
    if (collectives != null) {
      packed = collectives.sum(reduce, packed);
    }
    Operand<TFloat32> loss =
        root.dtypes.cast(
            root.math.div(
                root.gather(packed, root.constant(0), root.constant(0)),
                root.dtypes.cast(globalSamples, TFloat64.class)),
            TFloat32.class);
    if (in.penalty() != null) {
      loss = root.math.add(loss, in.penalty());
    }
    List<List<Operand<TFloat64>>> statistics = new ArrayList<>();
    int at = 1;
    for (int m = 0; m < metrics; m++) {
      List<Operand<TFloat64>> list = new ArrayList<>();
      for (int j = 0; j < counts.get(m); j++) {
        list.add(root.gather(packed, root.constant(at++), root.constant(0)));
      }
      statistics.add(list);
    }
    Op step = in.optimizer().applyGradients(loss, gradients, trainable, bn.updates());
    return new Step(loss, globalSamples, statistics, step);
  }

  private Tower tower(Inputs in, int t, ReplicaBatchNorm bn) {
    ModelSpec spec = in.spec();
    Ops tt = in.tf().withSubScope("replica_" + t);
    if (devices.get(t) != null) {
      tt = tt.withDevice(devices.get(t));
    }
    Operand<TInt32> begin = tt.gather(begins, tt.constant(t), tt.constant(0));
    Operand<TInt32> size = tt.gather(sizes, tt.constant(t), tt.constant(0));
    Operand<TFloat32> x =
        tt.reshape(
            tt.slice(in.images(), begin, size),
            tt.constant(new long[] {-1, spec.trainHeight(), spec.trainWidth(), spec.channels()}));
    Operand<TFloat32> y =
        tt.reshape(
            tt.slice(in.targets(), begin, size),
            tt.constant(new long[] {-1, spec.trainHeight(), spec.trainWidth(), 1}));
    // Dropout seeds: (step, replica), unique per replica of every worker.
    int total = replicas * (cluster == null ? 1 : cluster.workers());
    int global = t + replicas * (cluster == null ? 0 : cluster.worker());
    Operand<TInt64> randomStep =
        tt.math.add(
            tt.math.mul(in.optimizer().iterations(), tt.constant((long) total)),
            tt.constant((long) global));
    Layers layers =
        new Layers(tt, in.store(), true, randomStep, t == 0 ? in.summary() : null)
            .withReplicaBatchNorm(bn);
    List<Operand<TFloat32>> logits = spec.model().build(layers, x);
    if (!layers.updateOps().isEmpty()) {
      throw new IllegalStateException(
          "a layer queued " + layers.updateOps().size() + " update op(s) of its own in a replica");
    }
    Operand<TFloat32> loss = spec.loss().build(tt, logits, y);
    Operand<TFloat32> probabilities = Heads.probabilities(tt, logits.get(0));
    Operand<TFloat64> weight =
        tt.dtypes.cast(
            tt.math.greater(tt.gather(samples, tt.constant(t), tt.constant(0)), tt.constant(0f)),
            TFloat64.class);
    List<List<Operand<TFloat64>>> statistics = new ArrayList<>();
    for (StreamingMetric m : spec.metrics()) {
      List<Operand<TFloat64>> list = new ArrayList<>();
      for (Operand<TFloat64> s : m.statistics(tt, probabilities, y)) {
        list.add(tt.math.mul(s, weight)); // a padding row counts for nothing
      }
      statistics.add(list);
    }
    return new Tower(loss, statistics);
  }

  @Override
  public Session openSession(Graph graph) {
    ConfigProto config = TrainingSessionConfig.of(Devices.sessionConfig(devices));
    if (cluster != null) {
      return cluster.openSession(graph, config);
    }
    return new Session(graph, config);
  }

  @Override
  public Result run(Session.Runner runner, int rows, int batchSamples) {
    int[][] split = split(rows, batchSamples, replicas);
    int[][] begin = new int[replicas][];
    int[][] size = new int[replicas][];
    float[] count = new float[replicas];
    for (int t = 0; t < replicas; t++) {
      begin[t] = new int[] {split[t][0], 0, 0, 0};
      size[t] = new int[] {split[t][1], -1, -1, -1};
      count[t] = split[t][2];
    }
    try (TInt32 b = TInt32.tensorOf(org.tensorflow.ndarray.StdArrays.ndCopyOf(begin));
        TInt32 s = TInt32.tensorOf(org.tensorflow.ndarray.StdArrays.ndCopyOf(size));
        TFloat32 n = TFloat32.vectorOf(count)) {
      runner.feed(begins, b).feed(sizes, s).feed(samples, n);
      return cluster == null ? runner.run() : cluster.run(runner, Collectives.TRAINING_GROUP);
    }
  }

  /**
   * Each replica's {@code {first row, rows, samples}} of a batch of {@code rows} rows of which
   * {@code samples} are samples (all, or none for a padding row): the rows split as evenly as
   * possible in order; a replica left without rows gets row 0 as padding, weighing nothing.
   */
  static int[][] split(int rows, int samples, int replicas) {
    if (samples != rows && samples != 0) {
      throw new IllegalArgumentException(samples + " samples in a batch of " + rows + " rows");
    }
    int[][] out = new int[replicas][];
    for (int t = 0; t < replicas; t++) {
      int size = org.tfseg.data.Shard.size(rows, t, replicas);
      out[t] =
          size == 0 || samples == 0
              ? new int[] {0, 1, 0}
              : new int[] {org.tfseg.data.Shard.start(rows, t, replicas), size, size};
    }
    return out;
  }

  private record Tower(Operand<TFloat32> loss, List<List<Operand<TFloat64>>> statistics) {}
}
