package org.tfseg.optim;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/**
 * Keras {@code PiecewiseConstantDecay(boundaries, [initial] + values)}: the initial rate while
 * {@code step <= boundaries[0]}, {@code values[i]} while {@code boundaries[i] < step <=
 * boundaries[i+1]}, the last value after the last boundary.
 */
final class PiecewiseConstant implements LearningRateSchedule {
  private final List<Long> boundaries;
  private final List<Double> values;

  PiecewiseConstant(List<Long> boundaries, List<Double> values) {
    this.boundaries = List.copyOf(boundaries);
    this.values = List.copyOf(values);
  }

  @Override
  public Operand<TFloat64> rate(Ops tf, Operand<TFloat64> step, double initial) {
    Operand<TFloat64> rate = tf.constant(initial);
    for (int i = 0; i < boundaries.size(); i++) {
      rate =
          tf.select(
              tf.math.greater(step, tf.constant((double) boundaries.get(i))),
              tf.constant(values.get(i)),
              rate);
    }
    return rate;
  }
}
