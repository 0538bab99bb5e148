package org.tfseg.optim;

import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.ModelVariable;

/**
 * Keras {@code SGD}: {@code v ← μ·v − lr·g}; {@code θ ← θ + v} (Nesterov: {@code θ ← θ + μ·v −
 * lr·g}). Composed from assign ops rather than TF's {@code ApplyMomentum}, whose accumulator is
 * scaled by the learning rate at apply time and so differs from Keras once the learning rate
 * changes.
 */
public final class Sgd extends Optimizer {
  private final float momentum;
  private final boolean nesterov;

  public Sgd(Ops tf, double learningRate, double momentum, boolean nesterov) {
    this(tf, learningRate, momentum, nesterov, OptimizerOptions.NONE);
  }

  /** With a schedule, weight decay or clipping. */
  public Sgd(
      Ops tf, double learningRate, double momentum, boolean nesterov, OptimizerOptions options) {
    super(tf, learningRate, options);
    this.momentum = (float) momentum;
    this.nesterov = nesterov;
  }

  @Override
  protected Op applyOne(Ops t, ModelVariable var, Operand<TFloat32> grad) {
    if (momentum == 0f) {
      return t.train.applyGradientDescent(var.variable(), lr(), grad);
    }
    Variable<TFloat32> velocity = slot(var, "momentum");
    Operand<TFloat32> step = t.math.mul(lr(), grad);
    Operand<TFloat32> v =
        t.assign(velocity, t.math.sub(t.math.mul(t.constant(momentum), velocity), step));
    Operand<TFloat32> delta = nesterov ? t.math.sub(t.math.mul(t.constant(momentum), v), step) : v;
    return t.assignAdd(var.variable(), delta);
  }
}
