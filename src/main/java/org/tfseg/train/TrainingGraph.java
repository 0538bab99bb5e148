package org.tfseg.train;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.proto.RunOptions;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tfseg.data.Batch;
import org.tfseg.graph.Layers;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.Precision;
import org.tfseg.graph.SummaryRow;
import org.tfseg.graph.Tensors;
import org.tfseg.graph.VariableStore;
import org.tfseg.metric.StreamingMetric;
import org.tfseg.model.Heads;
import org.tfseg.model.ModelSummary;
import org.tfseg.optim.LossScale;
import org.tfseg.optim.Optimizer;
import org.tfseg.run.CheckpointCheck;

/**
 * The training graph and its session: a training tower (batch statistics, dropout, gradients and
 * the optimizer step) and an inference tower sharing its weights (moving statistics) for
 * validation, as Keras runs {@code fit} and {@code evaluate} on one model. Also holds the ops that
 * copy weights in and out for EarlyStopping's {@code restore_best_weights}.
 */
public final class TrainingGraph implements AutoCloseable {
  private final Graph graph;
  private final Session session;
  private final ModelSpec spec;
  private final VariableStore store;
  private final Optimizer optimizer;
  private final Placeholder<TFloat32> images;
  private final Placeholder<TFloat32> targets;
  private final Placeholder<TFloat32> evalImages;
  private final Placeholder<TFloat32> evalTargets;
  private final Op trainStep;
  private final Operand<TFloat32> trainLoss;
  private final Operand<TFloat32> evalLoss;
  private final Operand<TFloat32> evalProbabilities;
  private final List<List<Operand<TFloat64>>> trainStats = new ArrayList<>();
  private final List<List<Operand<TFloat64>>> evalStats = new ArrayList<>();
  private final List<SummaryRow> summary = new ArrayList<>();
  private final List<Placeholder<TFloat32>> weightFeeds = new ArrayList<>();
  private final List<Op> weightAssigns = new ArrayList<>();
  private final LossScale lossScale;
  private final Replication replication;
  private final Operand<TFloat32> trainSamples;

  public TrainingGraph(ModelSpec spec) {
    this(spec, null);
  }

  /**
   * @param replication how the training batch is split over replicas and workers; null for the
   *     single training tower on the default device
   */
  public TrainingGraph(ModelSpec spec, Replication replication) {
    this.spec = spec;
    this.replication = replication;
    this.graph = new Graph();
    Ops tf = Ops.create(graph);
    Shape in = Shape.of(-1, spec.trainHeight(), spec.trainWidth(), spec.channels());
    this.images = tf.withName("images").placeholder(TFloat32.class, Placeholder.shape(in));
    // Binary masks, or sparse class labels for C-class models: one channel either way.
    Shape out = Shape.of(-1, spec.trainHeight(), spec.trainWidth(), 1);
    this.targets = tf.withName("targets").placeholder(TFloat32.class, Placeholder.shape(out));
    if (spec.trainHeight() == spec.height() && spec.trainWidth() == spec.width()) {
      this.evalImages = images;
      this.evalTargets = targets;
    } else { // a random-crop size for training: the inference tower gets its own inputs
      this.evalImages =
          tf.withName("eval_images")
              .placeholder(
                  TFloat32.class,
                  Placeholder.shape(Shape.of(-1, spec.height(), spec.width(), spec.channels())));
      this.evalTargets =
          tf.withName("eval_targets")
              .placeholder(
                  TFloat32.class, Placeholder.shape(Shape.of(-1, spec.height(), spec.width(), 1)));
    }
    this.store = new VariableStore(tf, spec.seed());
    this.optimizer = spec.optimizer().apply(tf);

    Precision precision = spec.precision();
    PrecisionSupport.warnIfSlow(precision, System.err);
    this.lossScale = precision.scalesLoss() ? new LossScale(tf) : null;
    Ops trainTf = tf.withSubScope("train");
    Operand<TFloat32> trainProbs = null;
    if (replication == null) {
      Layers train = new Layers(trainTf, store, true, optimizer.iterations(), summary, precision);
      List<Operand<TFloat32>> trainLogits = float32(trainTf, spec.model().build(train, images));
      this.trainLoss = withPenalty(trainTf, spec.loss().build(trainTf, trainLogits, targets));
      trainProbs = Heads.probabilities(trainTf, trainLogits.get(0));
      this.trainStep =
          optimizer.minimize(
              trainLoss,
              store.trainable(),
              train.updateOps(),
              lossScale,
              spec.gradientCheckpointing());
      this.trainSamples = null;
    } else {
      Operand<TFloat32> penalty =
          spec.regularization() == null
              ? null
              : spec.regularization()
                  .build(trainTf.withSubScope("regularization"), store.trainable());
      Replication.Step step =
          replication.build(
              new Replication.Inputs(
                  trainTf, spec, store, optimizer, images, targets, summary, penalty));
      this.trainLoss = step.loss();
      this.trainStep = step.step();
      this.trainSamples = step.samples();
      trainStats.addAll(step.statistics());
    }

    Ops evalTf = tf.withSubScope("eval");
    Layers eval = new Layers(evalTf, store, false, null, null, precision);
    List<Operand<TFloat32>> evalLogits = float32(evalTf, spec.model().build(eval, evalImages));
    this.evalLoss = withPenalty(evalTf, spec.loss().build(evalTf, evalLogits, evalTargets));
    this.evalProbabilities = Heads.probabilities(evalTf, evalLogits.get(0));
    for (StreamingMetric m : spec.metrics()) {
      if (replication == null) {
        trainStats.add(m.statistics(trainTf, trainProbs, targets));
      }
      evalStats.add(m.statistics(evalTf, evalProbabilities, evalTargets));
    }
    Ops copy = tf.withSubScope("weights_in");
    for (ModelVariable v : store.all()) {
      Placeholder<TFloat32> feed = copy.placeholder(TFloat32.class, Placeholder.shape(v.shape()));
      weightFeeds.add(feed);
      weightAssigns.add(copy.assign(v.variable(), feed));
    }
    this.session =
        replication == null
            ? new Session(graph, TrainingSessionConfig.of(null))
            : replication.openSession(graph);
    session.initialize();
  }

  /**
   * Builds the training step's executor now (grappler, partitioning, kernels: 5-8 s for BASNet)
   * instead of in the first {@link #train}, without running a step; a no-op with a {@link
   * Replication}, whose steps run through it. The step benchmark calls it so that its build time is
   * the wait before the first step computes.
   */
  public void prepareTrainStep() {
    if (replication == null) {
      StepPreparation.prepare(this::trainRunner);
    }
  }

  /**
   * The runner of a training step, fed {@code x} and {@code y}: what {@link #train} runs, and what
   * {@link StepPreparation} runs ahead of the first step (same feeds, fetches and targets, so the
   * same executor).
   */
  private Session.Runner trainRunner(Tensor x, Tensor y) {
    Session.Runner r = session.runner().feed(images, x).feed(targets, y).fetch(trainLoss);
    trainStats.forEach(list -> list.forEach(r::fetch));
    return r.addTarget(trainStep).fetch(optimizer.stepLearningRate());
  }

  /**
   * One training step (a real optimizer update, as {@link #train}) traced by TensorFlow ({@code
   * FULL_TRACE}): where the allocator's memory goes. Not with a {@link Replication}.
   */
  public AllocationTrace traceTrainStep(TFloat32 x, TFloat32 y) {
    if (replication != null) {
      throw new IllegalStateException("allocation traces are taken on one device");
    }
    RunOptions trace =
        RunOptions.newBuilder().setTraceLevel(RunOptions.TraceLevel.FULL_TRACE).build();
    try (Result r = trainRunner(x, y).setOptions(trace).runAndFetchMetadata()) {
      return AllocationTrace.of(
          r.getMetadata().orElseThrow(() -> new IllegalStateException("no run metadata")));
    }
  }

  /** Model outputs in float32 (heads, losses and metrics are float32 under every policy). */
  private static List<Operand<TFloat32>> float32(Ops tf, List<Operand<TFloat32>> outputs) {
    return outputs.stream().map(o -> Layers.toFloat(tf, o)).toList();
  }

  /** The dynamic loss scale of a {@code mixed_float16} graph; null otherwise. */
  public LossScale lossScale() {
    return lossScale;
  }

  /**
   * The loss plus the weight penalty, if any: Keras adds {@code model.losses} to the loss of
   * training and of evaluation alike, so {@code loss} and {@code val_loss} both include it.
   */
  private Operand<TFloat32> withPenalty(Ops tf, Operand<TFloat32> loss) {
    if (spec.regularization() == null) {
      return loss;
    }
    Ops scope = tf.withSubScope("regularization");
    return scope.math.add(loss, spec.regularization().build(scope, store.trainable()));
  }

  /** The training loss a step fetches (with the weight penalty, if any). */
  Operand<TFloat32> trainLoss() {
    return trainLoss;
  }

  /** One optimizer step; the result holds the learning rate the step used. */
  public StepResult train(TFloat32 batchImages, TFloat32 batchTargets) {
    int rows = (int) batchImages.shape().get(0);
    return run(images, targets, batchImages, batchTargets, trainLoss, trainStats, trainStep, rows);
  }

  /**
   * One optimizer step on a batch. With a {@link Replication}, the result is the global batch's
   * (loss, sample count and metric statistics over all workers).
   */
  public StepResult train(Batch batch) {
    return run(
        images,
        targets,
        batch.images(),
        batch.masks(),
        trainLoss,
        trainStats,
        trainStep,
        batch.size());
  }

  public StepResult evaluate(TFloat32 batchImages, TFloat32 batchTargets) {
    int rows = (int) batchImages.shape().get(0);
    return run(evalImages, evalTargets, batchImages, batchTargets, evalLoss, evalStats, null, rows);
  }

  private StepResult run(
      Placeholder<TFloat32> xIn,
      Placeholder<TFloat32> yIn,
      TFloat32 x,
      TFloat32 y,
      Operand<TFloat32> loss,
      List<List<Operand<TFloat64>>> stats,
      Op target,
      int samples) {
    Session.Runner r;
    if (target == trainStep && xIn == images && yIn == targets) {
      r = trainRunner(x, y);
    } else {
      r = session.runner().feed(xIn, x).feed(yIn, y).fetch(loss);
      stats.forEach(list -> list.forEach(r::fetch));
      if (target != null) {
        r.addTarget(target).fetch(optimizer.stepLearningRate());
      }
    }
    boolean replicated = target != null && replication != null;
    if (replicated) {
      r.fetch(trainSamples);
    }
    int rows = (int) x.shape().get(0);
    try (Result res = replicated ? replication.run(r, rows, samples) : r.run()) {
      double[][] values = new double[stats.size()][];
      int k = 1;
      for (int i = 0; i < stats.size(); i++) {
        values[i] = new double[stats.get(i).size()];
        for (int j = 0; j < values[i].length; j++) {
          values[i][j] = ((TFloat64) res.get(k++)).getDouble();
        }
      }
      double rate = target != null ? ((TFloat32) res.get(k++)).getFloat() : Double.NaN;
      int size = replicated ? Math.round(((TFloat32) res.get(k)).getFloat()) : samples;
      return new StepResult(((TFloat32) res.get(0)).getFloat(), size, values, rate);
    }
  }

  /** Inference-tower probabilities for a batch, {@code [N, H, W, classes]} flattened. */
  public float[] predict(TFloat32 batchImages) {
    try (Result r = session.runner().feed(evalImages, batchImages).fetch(evalProbabilities).run()) {
      return Tensors.floats((TFloat32) r.get(0));
    }
  }

  /** Keras {@code get_weights}: every model variable (trainable and BN statistics), in order. */
  public List<float[]> weights() {
    Session.Runner r = session.runner();
    store.all().forEach(v -> r.fetch(v.variable()));
    List<float[]> out = new ArrayList<>();
    try (Result res = r.run()) {
      for (int i = 0; i < store.all().size(); i++) {
        out.add(Tensors.floats((TFloat32) res.get(i)));
      }
    }
    return out;
  }

  /** Keras {@code set_weights}: the inverse of {@link #weights()}; optimizer state is untouched. */
  public void setWeights(List<float[]> values) {
    List<ModelVariable> vars = store.all();
    List<TFloat32> feeds = new ArrayList<>();
    try {
      Session.Runner r = session.runner();
      for (int i = 0; i < vars.size(); i++) {
        TFloat32 t = Tensors.of(vars.get(i).shape(), values.get(i));
        feeds.add(t);
        r.feed(weightFeeds.get(i), t).addTarget(weightAssigns.get(i));
      }
      r.run().close();
    } finally {
      feeds.forEach(TFloat32::close);
    }
  }

  /** Saves every variable (weights, BN statistics, optimizer slots, learning rate, step). */
  public void save(String prefix) {
    session.save(prefix);
  }

  /**
   * Restores every variable from a checkpoint, once {@link CheckpointCheck} found it intact and of
   * this graph's variables.
   *
   * @throws org.tfseg.run.DamagedCheckpoint if a file of it is missing, truncated or corrupt
   * @throws org.tfseg.UserError if it is a checkpoint of another model
   */
  public void restore(String prefix) {
    CheckpointCheck.require(prefix, CheckpointCheck.variables(graph));
    session.restore(prefix);
  }

  public Optimizer optimizer() {
    return optimizer;
  }

  public Session session() {
    return session;
  }

  public VariableStore store() {
    return store;
  }

  /** Keras {@code model.summary()} of the training tower, from the rows its build recorded. */
  public ModelSummary summary() {
    return ModelSummary.of(spec.model().architecture(), summary, store);
  }

  public ModelSpec spec() {
    return spec;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
