package org.tfseg.optim;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.tfseg.config.Check;

/**
 * Keras {@code CosineDecayRestarts} ({@code "type": "cosine_decay_restarts"}, SGDR): cosine decays
 * from {@code learning_rate} to {@code alpha · learning_rate}, each period {@code t_mul} times as
 * long as the one before and restarting at {@code m_mul} times its start rate.
 *
 * @param firstDecaySteps steps of the first period (required, >= 1)
 * @param tMul period length multiplier (default 2.0, >= 1)
 * @param mMul restart rate multiplier (default 1.0, > 0)
 * @param alpha the lowest rate as a fraction of {@code learning_rate} (default 0.0, in [0, 1])
 * @param warmup linear warmup in front (optional)
 */
@JsonTypeName("cosine_decay_restarts")
public record CosineDecayRestartsConfig(
    Long firstDecaySteps, Double tMul, Double mMul, Double alpha, WarmupConfig warmup)
    implements ScheduleConfig {
  public CosineDecayRestartsConfig {
    Check.required(firstDecaySteps, "first_decay_steps");
    Check.atLeast(firstDecaySteps, 1, "first_decay_steps");
    tMul = Check.orDefault(tMul, 2.0);
    mMul = Check.orDefault(mMul, 1.0);
    alpha = Check.orDefault(alpha, 0.0);
    // Keras accepts t_mul < 1, whose periods sum to a finite length: after it the rate is NaN.
    Check.atLeast(tMul, 1, "t_mul");
    Check.positive(mMul, "m_mul");
    Check.inRange(alpha, 0, 1, "alpha");
  }

  @Override
  public LearningRateSchedule build() {
    return WarmupConfig.around(warmup, new CosineDecayRestarts(firstDecaySteps, tMul, mMul, alpha));
  }
}
