package org.tfseg.optim;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt64;
import org.tfseg.graph.Gradients;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.ScopeCache;

/**
 * Base of the Keras-semantics optimizers, built on TF's raw {@code Apply*} training ops. The
 * learning rate is a graph variable ({@code optimizer/learning_rate}) so ReduceLROnPlateau can
 * change it between steps, and {@code optimizer/iterations} counts applied steps (Keras {@code
 * optimizer.iterations}); both are checkpointed with the slots. (The tensorflow-framework
 * optimizers are not used: their Adam races on its beta powers, their {@code minimize} rejects
 * non-trainable variables and their learning rate is a constant.)
 *
 * <p>A step does what Keras 3's {@code optimizer.apply} does, in its order: gradients, {@link
 * GradientClipping clipping}, decoupled weight decay {@code θ ← θ − lr·wd·θ}, the update, {@code
 * iterations + 1}. With a {@link LearningRateSchedule} the step computes its rate from {@code
 * iterations} and stores it in the learning-rate variable, which then always holds the rate the
 * last step used and cannot be set (Keras raises an error when a schedule's rate is set).
 */
public abstract class Optimizer {
  protected final Ops tf;
  private final double initialLearningRate;
  private final OptimizerOptions options;
  private final Variable<TFloat32> learningRate;
  private final Variable<TInt64> iterations;
  private final Placeholder<TFloat32> learningRateFeed;
  private final Op setLearningRate;
  private final ScopeCache slotScopes;

  /** The rate of the step being built: the variable, or the schedule's value at this step. */
  private Operand<TFloat32> stepRate;

  protected Optimizer(Ops tf, double initialLearningRate) {
    this(tf, initialLearningRate, OptimizerOptions.NONE);
  }

  protected Optimizer(Ops tf, double initialLearningRate, OptimizerOptions options) {
    this.tf = tf;
    this.initialLearningRate = initialLearningRate;
    this.options = options;
    Ops scope = tf.withSubScope("optimizer");
    Ops init = scope.withInitScope();
    Operand<TFloat32> initial =
        options.schedule() == null
            ? init.constant((float) initialLearningRate)
            : scheduled(init, init.constant(0.0));
    this.learningRate = scope.withName("learning_rate").variable(initial);
    this.stepRate = learningRate;
    this.iterations = scope.withName("iterations").variable(init.constant(0L));
    this.learningRateFeed =
        scope
            .withName("learning_rate_feed")
            .placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    this.setLearningRate =
        scope.withName("set_learning_rate").assign(learningRate, learningRateFeed);
    this.slotScopes = new ScopeCache(scope.withSubScope("slots"));
  }

  /**
   * Differentiates {@code loss} with respect to {@code vars} and returns the op that applies one
   * step, after which {@code iterations} is incremented. {@code alsoRun} (BatchNorm moving-average
   * updates) run in the same step.
   */
  public Op minimize(Operand<TFloat32> loss, List<ModelVariable> vars, List<Op> alsoRun) {
    return minimize(loss, vars, alsoRun, null);
  }

  /**
   * {@link #minimize(Operand, List, List)} with a dynamic loss scale (null: none): the scaled loss
   * is differentiated, the gradients unscaled, and the updates and the step count are skipped in a
   * step whose gradients are not all finite (the BatchNorm statistics still update, as in Keras).
   */
  public Op minimize(
      Operand<TFloat32> loss, List<ModelVariable> vars, List<Op> alsoRun, LossScale lossScale) {
    return minimize(loss, vars, alsoRun, lossScale, false);
  }

  /**
   * {@link #minimize(Operand, List, List, LossScale)}, with {@code checkpointing}: the backward
   * pass recomputes the forward activations instead of keeping them ({@link Gradients}).
   */
  public Op minimize(
      Operand<TFloat32> loss,
      List<ModelVariable> vars,
      List<Op> alsoRun,
      LossScale lossScale,
      boolean checkpointing) {
    Output<?>[] xs = vars.stream().map(v -> v.value().asOutput()).toArray(Output<?>[]::new);
    Output<?>[] grads;
    if (lossScale == null) {
      grads = Gradients.of(tf, loss.asOutput(), xs, checkpointing);
    } else {
      Ops scaleOps = tf.withSubScope("optimizer");
      grads = Gradients.of(tf, lossScale.scaled(scaleOps, loss).asOutput(), xs, checkpointing);
      grads = lossScale.unscale(scaleOps, grads);
    }
    List<Operand<TFloat32>> typed = new ArrayList<>();
    for (Output<?> g : grads) {
      @SuppressWarnings("unchecked")
      Operand<TFloat32> t = (Operand<TFloat32>) g;
      typed.add(t);
    }
    return applyGradients(loss, typed, vars, alsoRun, lossScale);
  }

  /**
   * The op that applies one step with the given gradients of {@code loss} (one per variable, e.g.
   * summed over replicas and divided by the global batch) and then increments {@code iterations};
   * {@code alsoRun} run in the same step.
   */
  public Op applyGradients(
      Operand<TFloat32> loss,
      List<Operand<TFloat32>> grads,
      List<ModelVariable> vars,
      List<Op> alsoRun) {
    return applyGradients(loss, grads, vars, alsoRun, null);
  }

  private Op applyGradients(
      Operand<TFloat32> loss,
      List<Operand<TFloat32>> grads,
      List<ModelVariable> vars,
      List<Op> alsoRun,
      LossScale lossScale) {
    List<Op> applies = new ArrayList<>(alsoRun);
    // The Apply* ops update the variables in place, and a variable's read (Identity of a ref)
    // shares its buffer: without this barrier an update may run while the backward pass of a lower
    // layer still reads the weight, so some gradients came from half-updated weights (a race that
    // made two identical runs differ after the first step). Every update waits for every gradient,
    // and for the loss, whose terms need not all be on the gradients' paths (a weight penalty).
    List<org.tensorflow.Operation> barrier = new ArrayList<>();
    for (Operand<TFloat32> g : grads) {
      barrier.add(g.op());
    }
    barrier.add(loss.op());
    if (lossScale != null) {
      barrier.add(lossScale.finite().op());
    }
    // One barrier op: every update depends on it, it depends on every gradient (N + M control
    // edges, not N·M, which made large graphs slow to build and optimise).
    Ops optimizer = tf.withSubScope("optimizer");
    Op done = optimizer.withControlDependencyOps(barrier).withName("gradients_done").noOp();
    Ops scope = optimizer.withControlDependencies(List.of(done));
    List<Operand<TFloat32>> gradients = new ArrayList<>(grads);
    if (options.clipping() != null) {
      gradients = options.clipping().apply(scope.withSubScope("clip"), gradients);
    }
    if (lossScale != null) { // a skipped step runs none of the updates below
      gradients = gradients.stream().map(g -> lossScale.gate(scope, g)).toList();
    }
    if (options.schedule() != null) {
      stepRate = scheduled(scope, scope.dtypes.cast(iterations, TFloat64.class));
      applies.add(scope.withName("store_learning_rate").assign(learningRate, stepRate));
    }
    Operand<TFloat32> wd =
        options.weightDecay() > 0 ? scope.constant((float) options.weightDecay()) : null;
    for (int i = 0; i < vars.size(); i++) {
      ModelVariable var = vars.get(i);
      Ops update = scope;
      if (wd != null && !WeightGroup.any(options.excludeFromWeightDecay(), var)) {
        // Keras: variable.assign_sub(variable·wd·lr), before the update reads the variable.
        Operand<TFloat32> rate = lossScale == null ? stepRate : lossScale.gate(scope, stepRate);
        Op decayed =
            scope.assignSub(
                var.variable(), scope.math.mul(scope.math.mul(var.variable(), wd), rate));
        update = scope.withControlDependencies(List.of(decayed));
      }
      applies.add(applyOne(update, var, gradients.get(i)));
    }
    if (lossScale == null) {
      return scope
          .withControlDependencies(applies)
          .withName("step")
          .assignAdd(iterations, scope.constant(1L));
    }
    // A skipped step leaves the updates and the step count dead (not run); the scale update and
    // the BatchNorm statistics run either way.
    List<Op> updates = applies.subList(alsoRun.size(), applies.size());
    Op step =
        scope
            .withControlDependencies(updates)
            .withName("step")
            .assignAdd(iterations, scope.constant(1L));
    List<Op> all = new ArrayList<>(alsoRun);
    all.add(step);
    all.add(lossScale.update(scope));
    return tf.withSubScope("optimizer").withControlDependencies(all).withName("train_step").noOp();
  }

  /** The schedule's rate at {@code step}, rounded to float32 once. */
  private Operand<TFloat32> scheduled(Ops t, Operand<TFloat64> step) {
    return t.dtypes.cast(options.schedule().rate(t, step, initialLearningRate), TFloat32.class);
  }

  /** Builds the update of one variable given its (clipped) gradient. */
  protected abstract Op applyOne(Ops tf, ModelVariable var, Operand<TFloat32> grad);

  /** A zero-initialised slot {@code optimizer/<variable name>/<slot>}. */
  protected Variable<TFloat32> slot(ModelVariable var, String slotName) {
    Ops scope = slotScopes.get(var.name());
    Ops init = scope.withInitScope();
    return scope
        .withName(slotName)
        .variable(init.fill(init.constant(var.shape()), init.constant(0f)));
  }

  /** The learning rate of the step being built. */
  protected Operand<TFloat32> lr() {
    return stepRate;
  }

  /**
   * The learning rate the step uses, to fetch with it: the variable, or (with a schedule) the
   * schedule's value at this step. Valid after {@link #minimize}.
   */
  public Operand<TFloat32> stepLearningRate() {
    return stepRate;
  }

  /** {@code iterations + 1} as float: the 1-based step used for bias correction. */
  protected Operand<TFloat32> stepNumber(Ops t) {
    return t.dtypes.cast(t.math.add(iterations, t.constant(1L)), TFloat32.class);
  }

  public Variable<TInt64> iterations() {
    return iterations;
  }

  /** Whether the learning rate follows a schedule (and so cannot be set). */
  public boolean scheduled() {
    return options.schedule() != null;
  }

  /** The learning-rate variable: the rate of the next step, or with a schedule of the last one. */
  public double learningRate(Session session) {
    try (Result r = session.runner().fetch(learningRate).run()) {
      return ((TFloat32) r.get(0)).getFloat();
    }
  }

  /**
   * Sets the learning rate of the following steps.
   *
   * @throws IllegalStateException if the rate follows a schedule
   */
  public void setLearningRate(Session session, double value) {
    if (scheduled()) {
      throw new IllegalStateException(
          "the learning rate follows optimizer.schedule and cannot be set");
    }
    try (TFloat32 t = TFloat32.scalarOf((float) value)) {
      session.runner().feed(learningRateFeed, t).addTarget(setLearningRate).run();
    }
  }

  public long iterations(Session session) {
    try (Result r = session.runner().fetch(iterations).run()) {
      return ((TInt64) r.get(0)).getLong();
    }
  }
}
