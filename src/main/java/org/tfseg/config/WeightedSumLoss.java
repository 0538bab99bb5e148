package org.tfseg.config;

import java.util.List;

/**
 * {@code Σ wᵢ·Lᵢ} over the same outputs ({@code "type": "weighted_sum"}).
 *
 * @param terms the weighted losses (required, at least one)
 */
public record WeightedSumLoss(List<WeightedTerm> terms) implements LossConfig {
  public WeightedSumLoss {
    Check.required(terms, "terms");
    terms = List.copyOf(terms);
    if (terms.isEmpty()) {
      throw new InvalidConfigException("terms", "needs at least one term");
    }
  }
}
