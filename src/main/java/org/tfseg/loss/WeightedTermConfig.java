package org.tfseg.loss;

import org.tfseg.config.Check;

/**
 * One term of a {@code weighted_sum} loss.
 *
 * @param loss the loss (required)
 * @param weight its weight (default 1, >= 0)
 */
public record WeightedTermConfig(LossConfig loss, Double weight) {
  public WeightedTermConfig {
    Check.required(loss, "loss");
    weight = Check.orDefault(weight, 1.0);
    Check.atLeast(weight, 0, "weight");
  }
}
