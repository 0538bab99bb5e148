package org.tfseg.optim;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.tfseg.config.Check;
import org.tfseg.config.InvalidConfigException;

/**
 * A step schedule ({@code "type": "piecewise_constant"}), Keras {@code PiecewiseConstantDecay} with
 * the optimizer's {@code learning_rate} as its first value: that rate while {@code step <=
 * boundaries[0]}, {@code values[i]} after {@code boundaries[i]}.
 *
 * @param boundaries steps after which the rate changes (required, non-empty, strictly increasing,
 *     each >= 0)
 * @param values the rate after each boundary (required, one per boundary, each >= 0)
 * @param warmup linear warmup in front (optional)
 */
@JsonTypeName("piecewise_constant")
public record PiecewiseConstantConfig(
    List<Long> boundaries, List<Double> values, WarmupConfig warmup) implements ScheduleConfig {
  public PiecewiseConstantConfig {
    Check.required(boundaries, "boundaries");
    Check.required(values, "values");
    boundaries = List.copyOf(boundaries);
    values = List.copyOf(values);
    if (boundaries.isEmpty()) {
      throw new InvalidConfigException("boundaries", "must not be empty");
    }
    for (int i = 0; i < boundaries.size(); i++) {
      Check.atLeast(boundaries.get(i), 0, "boundaries[" + i + "]");
      if (i > 0 && boundaries.get(i) <= boundaries.get(i - 1)) {
        throw new InvalidConfigException(
            "boundaries[" + i + "]",
            "must be > boundaries["
                + (i - 1)
                + "] (strictly increasing), got "
                + boundaries.get(i)
                + " after "
                + boundaries.get(i - 1));
      }
    }
    if (values.size() != boundaries.size()) {
      throw new InvalidConfigException(
          "values",
          "expected one rate per boundary ("
              + boundaries.size()
              + "), got "
              + values.size()
              + "; the rate up to the first boundary is optimizer.learning_rate");
    }
    for (int i = 0; i < values.size(); i++) {
      Check.atLeast(values.get(i), 0, "values[" + i + "]");
    }
  }

  @Override
  public LearningRateSchedule build() {
    return WarmupConfig.around(warmup, new PiecewiseConstant(boundaries, values));
  }
}
