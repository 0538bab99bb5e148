package org.tfseg.optim;

import org.tfseg.config.Check;

/**
 * A linear warmup in front of a schedule ({@code optimizer.schedule.warmup}), as Keras 3 {@code
 * CosineDecay} warms up: the rate rises from {@code start_learning_rate} to the optimizer's {@code
 * learning_rate} over {@code steps} steps, then the schedule runs from its beginning.
 *
 * @param steps warmup steps (required, >= 1)
 * @param startLearningRate the rate at step 0 (default 0.0, >= 0)
 */
public record WarmupConfig(Long steps, Double startLearningRate) {
  public WarmupConfig {
    Check.required(steps, "steps");
    Check.atLeast(steps, 1, "steps");
    startLearningRate = Check.orDefault(startLearningRate, 0.0);
    Check.atLeast(startLearningRate, 0, "start_learning_rate");
  }

  /** {@code schedule} behind this warmup; {@code schedule} itself when {@code warmup} is null. */
  static LearningRateSchedule around(WarmupConfig warmup, LearningRateSchedule schedule) {
    return warmup == null
        ? schedule
        : new LinearWarmup(schedule, warmup.steps(), warmup.startLearningRate());
  }
}
