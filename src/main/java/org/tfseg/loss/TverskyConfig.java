package org.tfseg.loss;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.tfseg.config.Check;

/**
 * segmentation_models.pytorch's Tversky loss ({@code "type": "tversky"}), binary or multi-class.
 *
 * @param alpha weight of the false positives (default 0.5, >= 0)
 * @param beta weight of the false negatives (default 0.5, >= 0)
 * @param smooth added to numerator and denominator (default 0, SMP's, >= 0)
 * @param classWeights one weight per class, multi-class models (optional: all 1)
 */
@JsonTypeName("tversky")
public record TverskyConfig(Double alpha, Double beta, Double smooth, List<Double> classWeights)
    implements LossConfig {
  public TverskyConfig {
    alpha = Check.orDefault(alpha, 0.5);
    beta = Check.orDefault(beta, 0.5);
    smooth = Check.orDefault(smooth, 0.0);
    Check.atLeast(alpha, 0, "alpha");
    Check.atLeast(beta, 0, "beta");
    Check.atLeast(smooth, 0, "smooth");
    if (alpha + beta == 0) {
      throw new org.tfseg.config.InvalidConfigException(
          "beta", "alpha + beta must be > 0 (else the loss ignores every error)");
    }
    ClassWeights.of(classWeights, 0, "class_weights");
    classWeights = classWeights == null ? null : List.copyOf(classWeights);
  }

  @Override
  public Loss build() {
    return new Tversky(alpha, beta, smooth, ClassWeights.of(classWeights, 0, "class_weights"));
  }

  @Override
  public void checkClasses(int classes, String key) {
    ClassWeights.checkClasses(classWeights, classes, key + ".class_weights");
  }
}
