package org.tfseg.optim;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat64;

/**
 * A Keras {@code LearningRateSchedule} built into the graph: the learning rate as a function of the
 * optimizer's 0-based step count ({@code optimizer.iterations} before the step, as Keras calls
 * {@code schedule(iterations)}), computed in float64 and rounded to float32 once by the optimizer.
 * Being a function of the checkpointed step, a schedule resumes exactly and costs no session run.
 */
@FunctionalInterface
public interface LearningRateSchedule {
  /**
   * The rate at {@code step} (a float64 scalar holding a whole number >= 0).
   *
   * @param initial the optimizer's {@code learning_rate}: the rate the schedule starts from (Keras'
   *     {@code initial_learning_rate})
   */
  Operand<TFloat64> rate(Ops tf, Operand<TFloat64> step, double initial);
}
