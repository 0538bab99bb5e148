package org.tfseg.optim;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/**
 * Keras {@code ExponentialDecay}: {@code initial · decay_rate^(step / decay_steps)}, the exponent
 * floored when {@code staircase}.
 */
final class ExponentialDecay implements LearningRateSchedule {
  private final long decaySteps;
  private final double decayRate;
  private final boolean staircase;

  ExponentialDecay(long decaySteps, double decayRate, boolean staircase) {
    this.decaySteps = decaySteps;
    this.decayRate = decayRate;
    this.staircase = staircase;
  }

  @Override
  public Operand<TFloat64> rate(Ops tf, Operand<TFloat64> step, double initial) {
    Operand<TFloat64> p = tf.math.div(step, tf.constant((double) decaySteps));
    if (staircase) {
      p = tf.math.floor(p);
    }
    return tf.math.mul(tf.constant(initial), tf.math.pow(tf.constant(decayRate), p));
  }
}
