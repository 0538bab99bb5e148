package org.tfseg.optim;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.tfseg.config.Check;

/**
 * Keras {@code CosineDecay} ({@code "type": "cosine_decay"}): from {@code learning_rate} down to
 * {@code alpha · learning_rate} along a half cosine over {@code decay_steps}, then constant. With a
 * {@code warmup} it is Keras 3's {@code CosineDecay(start_learning_rate, decay_steps, alpha,
 * warmup_target=learning_rate, warmup_steps=warmup.steps)}.
 *
 * @param decaySteps steps of the decay (required, >= 1)
 * @param alpha the final rate as a fraction of {@code learning_rate} (default 0.0, in [0, 1])
 * @param warmup linear warmup in front (optional)
 */
@JsonTypeName("cosine_decay")
public record CosineDecayConfig(Long decaySteps, Double alpha, WarmupConfig warmup)
    implements ScheduleConfig {
  public CosineDecayConfig {
    Check.required(decaySteps, "decay_steps");
    Check.atLeast(decaySteps, 1, "decay_steps");
    alpha = Check.orDefault(alpha, 0.0);
    Check.inRange(alpha, 0, 1, "alpha");
  }

  @Override
  public LearningRateSchedule build() {
    return WarmupConfig.around(warmup, new CosineDecay(decaySteps, alpha));
  }
}
