package org.tfseg.optim;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/**
 * A linear warmup in front of a schedule, as Keras 3 {@code CosineDecay} warms up: for {@code step
 * < W} the rate rises linearly from {@code from} to the schedule's initial rate, {@code (initial −
 * from)·step/W + from}; from step W on the schedule runs, offset by W ({@code schedule(step − W)}).
 */
final class LinearWarmup implements LearningRateSchedule {
  private final LearningRateSchedule after;
  private final long steps;
  private final double from;

  /**
   * @param steps W, >= 1
   */
  LinearWarmup(LearningRateSchedule after, long steps, double from) {
    this.after = after;
    this.steps = steps;
    this.from = from;
  }

  @Override
  public Operand<TFloat64> rate(Ops tf, Operand<TFloat64> step, double initial) {
    Operand<TFloat64> w = tf.constant((double) steps);
    Operand<TFloat64> ramp =
        tf.math.add(
            tf.math.mul(tf.constant(initial - from), tf.math.div(step, w)), tf.constant(from));
    // max(…, 0): the schedule is also evaluated (and discarded) during the warmup.
    Operand<TFloat64> later =
        after.rate(tf, tf.math.maximum(tf.math.sub(step, w), tf.constant(0.0)), initial);
    return tf.select(tf.math.less(step, w), ramp, later);
  }
}
