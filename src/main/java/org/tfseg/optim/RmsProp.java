package org.tfseg.optim;

import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.ModelVariable;

/**
 * Keras {@code RMSprop}: {@code ms ← ρ·ms + (1−ρ)·g²}; {@code Δ = lr·g/√(ms + ε)} (centered: {@code
 * √(ms − mg² + ε)}); with momentum {@code mom ← μ·mom + Δ, θ ← θ − mom}, else {@code θ ← θ − Δ}.
 * TF's {@code ApplyRMSProp}/{@code ApplyCenteredRMSProp} compute exactly this.
 */
public final class RmsProp extends Optimizer {
  private final float rho;
  private final float momentum;
  private final float epsilon;
  private final boolean centered;

  public RmsProp(
      Ops tf, double learningRate, double rho, double momentum, double epsilon, boolean centered) {
    this(tf, learningRate, rho, momentum, epsilon, centered, OptimizerOptions.NONE);
  }

  /** With a schedule, weight decay or clipping. */
  public RmsProp(
      Ops tf,
      double learningRate,
      double rho,
      double momentum,
      double epsilon,
      boolean centered,
      OptimizerOptions options) {
    super(tf, learningRate, options);
    this.rho = (float) rho;
    this.momentum = (float) momentum;
    this.epsilon = (float) epsilon;
    this.centered = centered;
  }

  @Override
  protected Op applyOne(Ops t, ModelVariable var, Operand<TFloat32> grad) {
    if (centered) {
      return t.train.applyCenteredRmsProp(
          var.variable(),
          slot(var, "mg"),
          slot(var, "ms"),
          slot(var, "mom"),
          lr(),
          t.constant(rho),
          t.constant(momentum),
          t.constant(epsilon),
          grad);
    }
    return t.train.applyRmsProp(
        var.variable(),
        slot(var, "ms"),
        slot(var, "mom"),
        lr(),
        t.constant(rho),
        t.constant(momentum),
        t.constant(epsilon),
        grad);
  }
}
