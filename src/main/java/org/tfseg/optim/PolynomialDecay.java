package org.tfseg.optim;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/**
 * Keras {@code PolynomialDecay}: {@code (initial − end)·(1 − s/D)^power + end} with {@code s =
 * min(step, D)}; with {@code cycle}, {@code s = step} and {@code D} the first multiple of {@code
 * decay_steps} that is {@code >= step} (at least {@code decay_steps}), so the decay restarts.
 */
final class PolynomialDecay implements LearningRateSchedule {
  private final long decaySteps;
  private final double end;
  private final double power;
  private final boolean cycle;

  PolynomialDecay(long decaySteps, double end, double power, boolean cycle) {
    this.decaySteps = decaySteps;
    this.end = end;
    this.power = power;
    this.cycle = cycle;
  }

  @Override
  public Operand<TFloat64> rate(Ops tf, Operand<TFloat64> step, double initial) {
    Operand<TFloat64> d = tf.constant((double) decaySteps);
    Operand<TFloat64> s = step;
    if (cycle) {
      Operand<TFloat64> multiplier =
          tf.select(
              tf.math.equal(step, tf.constant(0.0)),
              tf.constant(1.0),
              tf.math.ceil(tf.math.div(step, d)));
      d = tf.math.mul(d, multiplier);
    } else {
      s = tf.math.minimum(step, d);
    }
    Operand<TFloat64> remaining = tf.math.sub(tf.constant(1.0), tf.math.div(s, d));
    return tf.math.add(
        tf.math.mul(tf.constant(initial - end), tf.math.pow(remaining, tf.constant(power))),
        tf.constant(end));
  }
}
