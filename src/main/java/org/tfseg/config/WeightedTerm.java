package org.tfseg.config;

/**
 * One term of a {@code weighted_sum} loss.
 *
 * @param loss the loss (required)
 * @param weight its weight (default 1, >= 0)
 */
public record WeightedTerm(LossConfig loss, Double weight) {
  public WeightedTerm {
    Check.required(loss, "loss");
    weight = Check.orDefault(weight, 1.0);
    Check.atLeast(weight, 0, "weight");
  }
}
