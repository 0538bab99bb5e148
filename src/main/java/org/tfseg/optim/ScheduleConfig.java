package org.tfseg.optim;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A learning-rate schedule ({@code optimizer.schedule}), Keras' {@code LearningRateSchedule}s;
 * one-of on {@code "type"}. The optimizer's {@code learning_rate} is the rate it starts from
 * (Keras' {@code initial_learning_rate}); steps count optimizer steps. Each kind takes an optional
 * linear {@code warmup} in front.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public sealed interface ScheduleConfig
    permits ConstantScheduleConfig,
        PiecewiseConstantConfig,
        ExponentialDecayConfig,
        CosineDecayConfig,
        CosineDecayRestartsConfig,
        PolynomialDecayConfig {
  /** The warmup before the schedule, or null for none. */
  WarmupConfig warmup();

  /** The schedule, behind its warmup if it has one. */
  LearningRateSchedule build();
}
