package org.tfseg.optim;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/**
 * Keras {@code CosineDecay}: {@code initial · ((1 − α)·½(1 + cos(π·s/decay_steps)) + α)} with
 * {@code s = min(step, decay_steps)}, so the rate stays at {@code α·initial} after the decay.
 */
final class CosineDecay implements LearningRateSchedule {
  private final long decaySteps;
  private final double alpha;

  CosineDecay(long decaySteps, double alpha) {
    this.decaySteps = decaySteps;
    this.alpha = alpha;
  }

  @Override
  public Operand<TFloat64> rate(Ops tf, Operand<TFloat64> step, double initial) {
    Operand<TFloat64> d = tf.constant((double) decaySteps);
    Operand<TFloat64> fraction = tf.math.div(tf.math.minimum(step, d), d);
    Operand<TFloat64> cosine =
        tf.math.mul(
            tf.constant(0.5),
            tf.math.add(
                tf.constant(1.0), tf.math.cos(tf.math.mul(tf.constant(Math.PI), fraction))));
    Operand<TFloat64> decayed =
        tf.math.add(tf.math.mul(tf.constant(1 - alpha), cosine), tf.constant(alpha));
    return tf.math.mul(tf.constant(initial), decayed);
  }
}
