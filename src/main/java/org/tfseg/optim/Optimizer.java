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
import org.tensorflow.types.TInt64;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.ScopeCache;

/**
 * Base of the Keras-semantics optimizers, built on TF's raw {@code Apply*} training ops. The
 * learning rate is a graph variable ({@code optimizer/learning_rate}) so schedules and
 * ReduceLROnPlateau can change it between steps, and {@code optimizer/iterations} counts applied
 * steps (Keras {@code optimizer.iterations}); both are checkpointed with the slots. (The
 * tensorflow-framework optimizers are not used: their Adam races on its beta powers, their {@code
 * minimize} rejects non-trainable variables and their learning rate is a constant.)
 */
public abstract class Optimizer {
  protected final Ops tf;
  private final Variable<TFloat32> learningRate;
  private final Variable<TInt64> iterations;
  private final Placeholder<TFloat32> learningRateFeed;
  private final Op setLearningRate;
  private final ScopeCache slotScopes;

  protected Optimizer(Ops tf, double initialLearningRate) {
    this.tf = tf;
    Ops scope = tf.withSubScope("optimizer");
    this.learningRate =
        scope
            .withName("learning_rate")
            .variable(scope.withInitScope().constant((float) initialLearningRate));
    this.iterations = scope.withName("iterations").variable(scope.withInitScope().constant(0L));
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
    Output<?>[] xs = vars.stream().map(v -> v.value().asOutput()).toArray(Output<?>[]::new);
    Output<?>[] grads = ((org.tensorflow.Graph) tf.scope().env()).addGradients(loss.asOutput(), xs);
    List<Operand<TFloat32>> typed = new ArrayList<>();
    for (Output<?> g : grads) {
      @SuppressWarnings("unchecked")
      Operand<TFloat32> t = (Operand<TFloat32>) g;
      typed.add(t);
    }
    return applyGradients(typed, vars, alsoRun);
  }

  /**
   * The op that applies one step with the given gradients (one per variable, e.g. averaged over
   * replicas) and then increments {@code iterations}; {@code alsoRun} run in the same step.
   */
  public Op applyGradients(
      List<Operand<TFloat32>> grads, List<ModelVariable> vars, List<Op> alsoRun) {
    List<Op> applies = new ArrayList<>(alsoRun);
    // The Apply* ops update the variables in place, and a variable's read (Identity of a ref)
    // shares its buffer: without this barrier an update may run while the backward pass of a lower
    // layer still reads the weight, so some gradients came from half-updated weights (a race that
    // made two identical runs differ after the first step). Every update waits for every gradient.
    List<org.tensorflow.Operation> gradOps = new ArrayList<>();
    for (Operand<TFloat32> g : grads) {
      gradOps.add(g.op());
    }
    // One barrier op: every update depends on it, it depends on every gradient (N + M control
    // edges, not N·M, which made large graphs slow to build and optimise).
    Ops optimizer = tf.withSubScope("optimizer");
    Op barrier = optimizer.withControlDependencyOps(gradOps).withName("gradients_done").noOp();
    Ops scope = optimizer.withControlDependencies(List.of(barrier));
    for (int i = 0; i < vars.size(); i++) {
      applies.add(applyOne(scope, vars.get(i), grads.get(i)));
    }
    return scope
        .withControlDependencies(applies)
        .withName("step")
        .assignAdd(iterations, scope.constant(1L));
  }

  /** Builds the update of one variable given its gradient. */
  protected abstract Op applyOne(Ops tf, ModelVariable var, Operand<TFloat32> grad);

  /** A zero-initialised slot {@code optimizer/<variable name>/<slot>}. */
  protected Variable<TFloat32> slot(ModelVariable var, String slotName) {
    Ops scope = slotScopes.get(var.name());
    Ops init = scope.withInitScope();
    return scope
        .withName(slotName)
        .variable(init.fill(init.constant(var.shape()), init.constant(0f)));
  }

  protected Operand<TFloat32> lr() {
    return learningRate;
  }

  /** {@code iterations + 1} as float: the 1-based step used for bias correction. */
  protected Operand<TFloat32> stepNumber(Ops t) {
    return t.dtypes.cast(t.math.add(iterations, t.constant(1L)), TFloat32.class);
  }

  public Variable<TInt64> iterations() {
    return iterations;
  }

  public double learningRate(Session session) {
    try (Result r = session.runner().fetch(learningRate).run()) {
      return ((TFloat32) r.get(0)).getFloat();
    }
  }

  public void setLearningRate(Session session, double value) {
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
