package org.tfseg.optim;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;

/**
 * Keras {@code LossScaleOptimizer}'s dynamic loss scale (for {@code mixed_float16}): the loss is
 * multiplied by {@code scale} before differentiation and the gradients divided by it; when any
 * gradient is not finite the update is skipped and the scale halved (never below 1), and after
 * {@code growthSteps} finite steps in a row it doubles. Keras defaults: initial scale 2^15, growth
 * every 2000 steps. Scale and counter are variables ({@code optimizer/loss_scale}, {@code
 * optimizer/loss_scale_good_steps}), so they are checkpointed and a resume continues exactly.
 */
public final class LossScale {
  public static final float INITIAL_SCALE = 32768f;
  public static final long GROWTH_STEPS = 2000;

  private final Variable<TFloat32> scale;
  private final Variable<TInt64> goodSteps;
  private final long growthSteps;
  private Operand<TBool> finite;

  public LossScale(Ops tf, float initialScale, long growthSteps) {
    Ops scope = tf.withSubScope("optimizer");
    this.scale =
        scope.withName("loss_scale").variable(scope.withInitScope().constant(initialScale));
    this.goodSteps =
        scope.withName("loss_scale_good_steps").variable(scope.withInitScope().constant(0L));
    this.growthSteps = growthSteps;
  }

  /** Keras' defaults. */
  public LossScale(Ops tf) {
    this(tf, INITIAL_SCALE, GROWTH_STEPS);
  }

  Operand<TFloat32> scaled(Ops tf, Operand<TFloat32> loss) {
    return tf.math.mul(loss, scale);
  }

  /** The gradients divided by the scale; also builds the all-finite test of them. */
  Output<?>[] unscale(Ops tf, Output<?>[] grads) {
    Ops t = tf.withSubScope("loss_scale");
    Operand<TFloat32> inverse = t.math.reciprocal(scale);
    Output<?>[] out = new Output<?>[grads.length];
    List<Operand<TBool>> finiteEach = new ArrayList<>();
    for (int i = 0; i < grads.length; i++) {
      @SuppressWarnings("unchecked")
      Operand<TFloat32> g = (Operand<TFloat32>) grads[i];
      Operand<TFloat32> u = t.math.mul(g, inverse);
      out[i] = u.asOutput();
      finiteEach.add(t.all(t.math.isFinite(u), t.range(t.constant(0), t.rank(u), t.constant(1))));
    }
    Operand<TBool> all = t.stack(finiteEach);
    this.finite = t.all(all, t.constant(new int[] {0}));
    return out;
  }

  /** True when every gradient of this step is finite (the update is applied). */
  Operand<TBool> finite() {
    return finite;
  }

  /** The gradient passed on only when the step is finite (the update op is skipped otherwise). */
  @SuppressWarnings("unchecked")
  Operand<TFloat32> gate(Ops tf, Operand<TFloat32> grad) {
    return (Operand<TFloat32>) tf.switchCond(grad, finite).outputTrue();
  }

  /** The scale and counter update of this step (runs whether the update was applied or not). */
  Op update(Ops tf) {
    Ops t = tf.withSubScope("loss_scale");
    Operand<TInt64> zero = t.constant(0L);
    Operand<TInt64> counted = t.select(finite, t.math.add(goodSteps, t.constant(1L)), zero);
    Operand<TBool> grow = t.math.greaterEqual(counted, t.constant(growthSteps));
    Operand<TFloat32> halved = t.math.maximum(t.math.div(scale, t.constant(2f)), t.constant(1f));
    Operand<TFloat32> newScale =
        t.select(grow, t.math.mul(scale, t.constant(2f)), t.select(finite, scale, halved));
    Operand<TInt64> newCount = t.select(grow, zero, counted);
    // Both new values are computed before either variable is written.
    Ops after = t.withControlDependencies(List.of(newScale, newCount));
    return t.withControlDependencies(
            List.of(after.assign(scale, newScale), after.assign(goodSteps, newCount)))
        .withName("update")
        .noOp();
  }

  public Variable<TFloat32> scale() {
    return scale;
  }

  public double scale(Session session) {
    try (Result r = session.runner().fetch(scale).run()) {
      return ((TFloat32) r.get(0)).getFloat();
    }
  }

  public long goodSteps(Session session) {
    try (Result r = session.runner().fetch(goodSteps).run()) {
      return ((TInt64) r.get(0)).getLong();
    }
  }
}
