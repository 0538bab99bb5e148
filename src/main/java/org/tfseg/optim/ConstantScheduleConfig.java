package org.tfseg.optim;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A constant rate ({@code "type": "constant"}), the optimizer's {@code learning_rate}: with a
 * warmup, the warmup then a constant rate.
 *
 * @param warmup linear warmup in front (optional)
 */
@JsonTypeName("constant")
public record ConstantScheduleConfig(WarmupConfig warmup) implements ScheduleConfig {
  @Override
  public LearningRateSchedule build() {
    return WarmupConfig.around(warmup, (tf, step, initial) -> tf.constant(initial));
  }
}
