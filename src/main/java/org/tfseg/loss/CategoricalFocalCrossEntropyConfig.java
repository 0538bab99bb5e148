package org.tfseg.loss;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.tfseg.config.Check;

/**
 * Keras' {@code CategoricalFocalCrossentropy} on the one-hot of the class labels ({@code "type":
 * "categorical_focal_crossentropy"}), multi-class models; void pixels are left out.
 *
 * @param alpha the weight of every class' term (default 0.25, >= 0)
 * @param gamma the focusing exponent of {@code (1 − p_c)^γ} (default 2, >= 0)
 * @param labelSmoothing Keras' label smoothing of the one-hot (default 0, in [0, 1])
 * @param classWeights one weight per class (optional: all 1)
 */
@JsonTypeName("categorical_focal_crossentropy")
public record CategoricalFocalCrossEntropyConfig(
    Double alpha, Double gamma, Double labelSmoothing, List<Double> classWeights)
    implements LossConfig {
  public CategoricalFocalCrossEntropyConfig {
    alpha = Check.orDefault(alpha, 0.25);
    gamma = Check.orDefault(gamma, 2.0);
    labelSmoothing = Check.orDefault(labelSmoothing, 0.0);
    Check.atLeast(alpha, 0, "alpha");
    Check.atLeast(gamma, 0, "gamma");
    Check.inRange(labelSmoothing, 0, 1, "label_smoothing");
    ClassWeights.of(classWeights, 0, "class_weights");
    classWeights = classWeights == null ? null : List.copyOf(classWeights);
  }

  @Override
  public Loss build() {
    return new CategoricalFocalCrossEntropy(
        alpha, gamma, labelSmoothing, ClassWeights.of(classWeights, 0, "class_weights"));
  }

  @Override
  public void checkClasses(int classes, String key) {
    ClassWeights.checkClasses(classWeights, classes, key + ".class_weights");
  }
}
