package org.tfseg.train.distribute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Layers;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.ReplicaBatchNorm;

/**
 * The BatchNorm layers of all replicas of a split batch, and their moving-average updates: one per
 * layer for all replicas (and workers), so the moving statistics stay the same everywhere.
 *
 * <p>Per replica ({@code sync_batch_norm} false, what {@code tf.distribute} does by default): each
 * replica normalises with its own batch statistics (TF's fused kernel, as a single tower does); the
 * moving statistics follow the sample-weighted mean of the replicas' batch mean and (unbiased)
 * variance, all-reduced over the workers — what a Keras model under {@code MirroredStrategy} saves.
 * The replicas then train a slightly different model than one process at the whole batch would (the
 * statistics of {@code B} samples instead of {@code N·B}).
 *
 * <p>Synchronised: every replica normalises with the statistics of the global batch, in two passes
 * as TF's kernel does — the per-channel sum of {@code x} over all replicas' samples gives the mean,
 * then the sum of {@code (x − mean)²} the variance (each added in the graph, then all-reduced over
 * the workers; gradients flow through both) — which is the training of one process at the global
 * batch, up to float32 rounding. (One pass, {@code E[x²] − E[x]²}, was off by 1e-3 in the gradients
 * of a one-sample batch whose channels vary little around their mean.) A padding row carries no
 * weight in either.
 */
final class BatchNormReplicas {
  private final Ops root;
  private final boolean sync;
  private final Operand<TFloat32> globalSamples;
  private final Collectives collectives;
  private final Map<String, Layer> layers = new LinkedHashMap<>();

  /**
   * @param globalSamples the global batch's sample count
   * @param collectives the cross-worker all-reduce; null in a single process
   */
  BatchNormReplicas(
      Ops root, boolean sync, Operand<TFloat32> globalSamples, Collectives collectives) {
    this.root = root;
    this.sync = sync;
    this.globalSamples = globalSamples;
    this.collectives = collectives;
  }

  /**
   * Replica {@code replica}'s BatchNorm, its batch's sample count {@code samples}; {@code lockstep}
   * (synchronised, several replicas) exchanges the statistics between the replicas' builds.
   */
  ReplicaBatchNorm replica(int replica, Operand<TFloat32> samples, Lockstep lockstep) {
    return (tf, name, x, gamma, beta, movingMean, movingVariance, momentum, epsilon) -> {
      Layer layer = layer(name, movingMean, movingVariance, momentum, replica);
      if (!sync) {
        FusedBatchNorm<TFloat32, TFloat32> bn = Layers.batchStatistics(tf, x, gamma, beta, epsilon);
        layer.means.add(tf.math.mul(tf.stopGradient(bn.batchMean()), samples));
        layer.variances.add(tf.math.mul(tf.stopGradient(bn.batchVariance()), samples));
        return bn.y();
      }
      Operand<TFloat32> weight =
          tf.dtypes.cast(tf.math.greater(samples, tf.constant(0f)), TFloat32.class);
      Operand<TFloat32> n =
          tf.math.mul(globalSamples, tf.constant((float) (x.shape().get(1) * x.shape().get(2))));
      Operand<TFloat32> mean =
          tf.math.div(exchange(tf, lockstep, replica, name + "/mean", x, weight), n);
      Operand<TFloat32> centered = tf.math.sub(x, mean);
      Operand<TFloat32> variance =
          tf.math.div(
              exchange(tf, lockstep, replica, name + "/variance", tf.math.square(centered), weight),
              n);
      if (replica == 0) {
        layer.globalMean = tf.stopGradient(mean);
        // Moving variance: the unbiased batch variance, as TF's fused kernel reports it.
        layer.globalVariance =
            tf.stopGradient(
                tf.math.mul(
                    variance,
                    tf.math.div(
                        n, tf.math.maximum(tf.math.sub(n, tf.constant(1f)), tf.constant(1f)))));
      }
      Operand<TFloat32> normalized =
          tf.math.mul(centered, tf.math.rsqrt(tf.math.add(variance, tf.constant(epsilon))));
      return tf.math.add(tf.math.mul(normalized, gamma.value()), beta.value());
    };
  }

  /**
   * The per-channel sum of {@code values} over the global batch: this replica's sum (times {@code
   * weight}, 0 for a padding row), added to the other replicas' and all-reduced over the workers.
   */
  private Operand<TFloat32> exchange(
      Ops tf,
      Lockstep lockstep,
      int replica,
      String name,
      Operand<TFloat32> values,
      Operand<TFloat32> weight) {
    Operand<TFloat32> part =
        tf.math.mul(tf.reduceSum(values, tf.constant(new int[] {0, 1, 2})), weight);
    return lockstep == null
        ? combine(List.of(part))
        : lockstep.exchange(replica, name, part, this::combine);
  }

  /** The replicas' parts added (in replica order), then all-reduced over the workers. */
  private Operand<TFloat32> combine(List<Operand<TFloat32>> parts) {
    Operand<TFloat32> sum = parts.size() == 1 ? parts.get(0) : root.math.addN(parts);
    return collectives == null ? sum : collectives.sum(root, sum);
  }

  private Layer layer(
      String name, ModelVariable mean, ModelVariable variance, float momentum, int replica) {
    Layer layer = layers.get(name);
    if (layer == null) {
      if (replica != 0) {
        throw new IllegalStateException(
            "replica " + replica + " built BatchNorm " + name + " alone");
      }
      layer = new Layer(mean, variance, momentum);
      layers.put(name, layer);
    }
    return layer;
  }

  /** One moving-average update per BatchNorm layer, with the global batch statistics. */
  List<Op> updates() {
    List<Op> ops = new ArrayList<>();
    if (layers.isEmpty()) {
      return ops;
    }
    List<Operand<TFloat32>> means = new ArrayList<>();
    List<Operand<TFloat32>> variances = new ArrayList<>();
    if (sync) {
      for (Layer l : layers.values()) {
        means.add(l.globalMean);
        variances.add(l.globalVariance);
      }
    } else {
      // Σ samples·statistic of the replicas, packed into one vector for one all-reduce
      List<Operand<TFloat32>> parts = new ArrayList<>();
      for (Layer l : layers.values()) {
        parts.add(l.means.size() == 1 ? l.means.get(0) : root.math.addN(l.means));
        parts.add(l.variances.size() == 1 ? l.variances.get(0) : root.math.addN(l.variances));
      }
      Operand<TFloat32> packed = root.concat(parts, root.constant(0));
      if (collectives != null) {
        packed = collectives.sum(root, packed);
      }
      packed = root.math.div(packed, globalSamples);
      int at = 0;
      for (Layer l : layers.values()) {
        int c = (int) l.mean.size();
        means.add(root.slice(packed, root.constant(new int[] {at}), root.constant(new int[] {c})));
        variances.add(
            root.slice(packed, root.constant(new int[] {at + c}), root.constant(new int[] {c})));
        at += 2 * c;
      }
    }
    int i = 0;
    for (Layer l : layers.values()) {
      ops.add(update(l.mean, means.get(i), l.momentum));
      ops.add(update(l.variance, variances.get(i), l.momentum));
      i++;
    }
    return ops;
  }

  /** Keras' {@code moving ← moving − (moving − batch)·(1 − momentum)}. */
  private Op update(ModelVariable moving, Operand<TFloat32> batch, float momentum) {
    return root.assignSub(
        moving.variable(),
        root.math.mul(root.math.sub(moving.value(), batch), root.constant(1f - momentum)));
  }

  private static final class Layer {
    final ModelVariable mean;
    final ModelVariable variance;
    final float momentum;
    final List<Operand<TFloat32>> means = new ArrayList<>();
    final List<Operand<TFloat32>> variances = new ArrayList<>();
    Operand<TFloat32> globalMean;
    Operand<TFloat32> globalVariance;

    Layer(ModelVariable mean, ModelVariable variance, float momentum) {
      this.mean = mean;
      this.variance = variance;
      this.momentum = momentum;
    }
  }
}
