package org.tfseg.optim;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.tfseg.config.Check;

/**
 * Keras {@code PolynomialDecay} ({@code "type": "polynomial_decay"}): {@code (learning_rate −
 * end)·(1 − step/decay_steps)^power + end}, then {@code end}; with {@code cycle}, past {@code
 * decay_steps} the decay starts again, stretched over the next multiple of {@code decay_steps}.
 *
 * @param decaySteps steps of the decay (required, >= 1)
 * @param endLearningRate the final rate (default 0.0001, >= 0)
 * @param power the polynomial's power (default 1.0, linear; > 0)
 * @param cycle restart beyond {@code decay_steps} (default false)
 * @param warmup linear warmup in front (optional)
 */
@JsonTypeName("polynomial_decay")
public record PolynomialDecayConfig(
    Long decaySteps, Double endLearningRate, Double power, Boolean cycle, WarmupConfig warmup)
    implements ScheduleConfig {
  public PolynomialDecayConfig {
    Check.required(decaySteps, "decay_steps");
    Check.atLeast(decaySteps, 1, "decay_steps");
    endLearningRate = Check.orDefault(endLearningRate, 0.0001);
    power = Check.orDefault(power, 1.0);
    cycle = Check.orDefault(cycle, false);
    Check.atLeast(endLearningRate, 0, "end_learning_rate");
    Check.positive(power, "power");
  }

  @Override
  public LearningRateSchedule build() {
    return WarmupConfig.around(
        warmup, new PolynomialDecay(decaySteps, endLearningRate, power, cycle));
  }
}
