package org.tfseg.optim;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.tfseg.config.Check;

/**
 * Keras {@code ExponentialDecay} ({@code "type": "exponential_decay"}): {@code learning_rate ·
 * decay_rate^(step / decay_steps)}.
 *
 * @param decaySteps steps per factor {@code decay_rate} (required, >= 1)
 * @param decayRate the factor (required, > 0)
 * @param staircase floor {@code step / decay_steps}, decaying in steps (default false)
 * @param warmup linear warmup in front (optional)
 */
@JsonTypeName("exponential_decay")
public record ExponentialDecayConfig(
    Long decaySteps, Double decayRate, Boolean staircase, WarmupConfig warmup)
    implements ScheduleConfig {
  public ExponentialDecayConfig {
    Check.required(decaySteps, "decay_steps");
    Check.atLeast(decaySteps, 1, "decay_steps");
    Check.required(decayRate, "decay_rate");
    Check.positive(decayRate, "decay_rate");
    staircase = Check.orDefault(staircase, false);
  }

  @Override
  public LearningRateSchedule build() {
    return WarmupConfig.around(warmup, new ExponentialDecay(decaySteps, decayRate, staircase));
  }
}
