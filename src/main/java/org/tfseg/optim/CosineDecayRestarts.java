package org.tfseg.optim;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/**
 * Keras {@code CosineDecayRestarts} (SGDR): period {@code i} lasts {@code first_decay_steps ·
 * t_mul^i} steps and decays {@code initial · ((1 − α)·½·m_mul^i·(1 + cos(π·f)) + α)} over its
 * fraction {@code f}; a new period restarts at {@code m_mul^i} of the initial rate. With {@code f =
 * step / first_decay_steps}, the period index is {@code i = floor(log(1 − f·(1 − t_mul)) /
 * log(t_mul))} (for {@code t_mul = 1}, {@code floor(f)}) and {@code f} its fraction, as Keras
 * computes them; the index is then moved by one where rounding put a step that starts a period at
 * the end of the previous one.
 */
final class CosineDecayRestarts implements LearningRateSchedule {
  private final long firstDecaySteps;
  private final double tMul;
  private final double mMul;
  private final double alpha;

  CosineDecayRestarts(long firstDecaySteps, double tMul, double mMul, double alpha) {
    this.firstDecaySteps = firstDecaySteps;
    this.tMul = tMul;
    this.mMul = mMul;
    this.alpha = alpha;
  }

  @Override
  public Operand<TFloat64> rate(Ops tf, Operand<TFloat64> step, double initial) {
    Operand<TFloat64> f = tf.math.div(step, tf.constant((double) firstDecaySteps));
    Operand<TFloat64> restart;
    Operand<TFloat64> fraction;
    if (tMul == 1.0) {
      restart = tf.math.floor(f);
      fraction = tf.math.sub(f, restart);
    } else {
      Operand<TFloat64> t = tf.constant(tMul);
      Operand<TFloat64> estimate =
          tf.math.floor(
              tf.math.div(
                  tf.math.log(tf.math.sub(tf.constant(1.0), tf.math.mul(f, tf.constant(1 - tMul)))),
                  tf.math.log(t)));
      Operand<TFloat64> one = tf.constant(1.0);
      Operand<TFloat64> next = tf.math.add(estimate, one);
      restart =
          tf.select(
              tf.math.lessEqual(periodsBefore(tf, next), f),
              next,
              tf.select(
                  tf.math.greater(periodsBefore(tf, estimate), f),
                  tf.math.sub(estimate, one),
                  estimate));
      fraction = tf.math.div(tf.math.sub(f, periodsBefore(tf, restart)), tf.math.pow(t, restart));
    }
    Operand<TFloat64> cosine =
        tf.math.mul(
            tf.math.mul(tf.constant(0.5), tf.math.pow(tf.constant(mMul), restart)),
            tf.math.add(
                tf.constant(1.0), tf.math.cos(tf.math.mul(tf.constant(Math.PI), fraction))));
    Operand<TFloat64> decayed =
        tf.math.add(tf.math.mul(tf.constant(1 - alpha), cosine), tf.constant(alpha));
    return tf.math.mul(tf.constant(initial), decayed);
  }

  /** {@code (1 − t_mul^i)/(1 − t_mul)}: the length of periods {@code 0 … i−1}, in first periods. */
  private Operand<TFloat64> periodsBefore(Ops tf, Operand<TFloat64> i) {
    return tf.math.div(
        tf.math.sub(tf.constant(1.0), tf.math.pow(tf.constant(tMul), i)), tf.constant(1 - tMul));
  }
}
