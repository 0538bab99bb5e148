package org.tfseg.optim;

import java.util.List;
import org.tfseg.config.Check;
import org.tfseg.config.InvalidConfigException;

/**
 * A weight penalty added to the loss ({@code training.regularization}): Keras {@code
 * regularizers.L2(l2)}, {@code l2·Σw²}, on every trainable weight not {@code exclude}d — by default
 * the kernels only, what {@code kernel_regularizer=L2(l2)} on every layer gives.
 *
 * @param l2 the factor (default 0.01, Keras' default; > 0)
 * @param exclude weights without penalty (default batch_norm and bias)
 */
public record RegularizationConfig(Double l2, List<WeightGroup> exclude) {
  public RegularizationConfig {
    l2 = Check.orDefault(l2, 0.01);
    Check.positive(l2, "l2");
    exclude =
        exclude == null ? List.of(WeightGroup.BATCH_NORM, WeightGroup.BIAS) : List.copyOf(exclude);
    for (int i = 0; i < exclude.size(); i++) {
      if (exclude.indexOf(exclude.get(i)) < i) {
        throw new InvalidConfigException("exclude[" + i + "]", "listed twice");
      }
    }
  }

  public L2Penalty build() {
    return new L2Penalty(l2, exclude);
  }
}
