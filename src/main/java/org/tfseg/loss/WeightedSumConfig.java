package org.tfseg.loss;

import org.tfseg.config.Check;
import org.tfseg.config.InvalidConfigException;
import java.util.List;

/**
 * {@code Σ wᵢ·Lᵢ} over the same outputs ({@code "type": "weighted_sum"}).
 *
 * @param terms the weighted losses (required, at least one)
 */
public record WeightedSumConfig(List<WeightedTermConfig> terms) implements LossConfig {
  public WeightedSumConfig {
    Check.required(terms, "terms");
    terms = List.copyOf(terms);
    if (terms.isEmpty()) {
      throw new InvalidConfigException("terms", "needs at least one term");
    }
  }
}
