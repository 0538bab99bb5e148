package org.tfseg.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How validation and test are carved from train by the fractions: from a seeded permutation, or in
 * file-name order (train first, then validation, then test, as the Keras BASNet example's {@code
 * sorted(glob)} split does).
 */
public enum SplitOrder {
  @JsonProperty("shuffled")
  SHUFFLED,
  @JsonProperty("sorted")
  SORTED
}
