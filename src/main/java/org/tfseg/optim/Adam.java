package org.tfseg.optim;

import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.ModelVariable;

/**
 * Keras {@code Adam}: {@code m ← β1·m + (1−β1)·g}, {@code v ← β2·v + (1−β2)·g²}, {@code θ ← θ −
 * lr·√(1−β2^t)/(1−β1^t) · m/(√v + ε)} — exactly TF's {@code ApplyAdam}, with the beta powers
 * computed from the iteration counter (so they cannot race with the update).
 */
public final class Adam extends Optimizer {
  private final float beta1;
  private final float beta2;
  private final float epsilon;

  public Adam(Ops tf, double learningRate, double beta1, double beta2, double epsilon) {
    this(tf, learningRate, beta1, beta2, epsilon, OptimizerOptions.NONE);
  }

  /** With a schedule, weight decay (AdamW) or clipping. */
  public Adam(
      Ops tf,
      double learningRate,
      double beta1,
      double beta2,
      double epsilon,
      OptimizerOptions options) {
    super(tf, learningRate, options);
    this.beta1 = (float) beta1;
    this.beta2 = (float) beta2;
    this.epsilon = (float) epsilon;
  }

  @Override
  protected Op applyOne(Ops t, ModelVariable var, Operand<TFloat32> grad) {
    Operand<TFloat32> step = stepNumber(t);
    Operand<TFloat32> b1 = t.constant(beta1);
    Operand<TFloat32> b2 = t.constant(beta2);
    return t.train.applyAdam(
        var.variable(),
        slot(var, "m"),
        slot(var, "v"),
        t.math.pow(b1, step),
        t.math.pow(b2, step),
        lr(),
        b1,
        b2,
        t.constant(epsilon),
        grad);
  }
}
