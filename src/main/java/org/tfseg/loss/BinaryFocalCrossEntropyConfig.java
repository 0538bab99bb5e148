package org.tfseg.loss;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.tfseg.config.Check;

/**
 * Keras' {@code BinaryFocalCrossentropy} on the sigmoid output ({@code "type":
 * "binary_focal_crossentropy"}), binary models.
 *
 * @param applyClassBalancing weigh each pixel by {@code α·y + (1 − α)·(1 − y)} (default false)
 * @param alpha the balancing weight of the foreground (default 0.25, in [0, 1])
 * @param gamma the focusing exponent of {@code (1 − p_t)^γ} (default 2, >= 0)
 * @param labelSmoothing Keras' label smoothing (default 0, in [0, 1])
 * @param classWeights {@code [background, foreground]} weights (optional: both 1)
 */
@JsonTypeName("binary_focal_crossentropy")
public record BinaryFocalCrossEntropyConfig(
    Boolean applyClassBalancing,
    Double alpha,
    Double gamma,
    Double labelSmoothing,
    List<Double> classWeights)
    implements LossConfig {
  public BinaryFocalCrossEntropyConfig {
    applyClassBalancing = Check.orDefault(applyClassBalancing, false);
    alpha = Check.orDefault(alpha, 0.25);
    gamma = Check.orDefault(gamma, 2.0);
    labelSmoothing = Check.orDefault(labelSmoothing, 0.0);
    Check.inRange(alpha, 0, 1, "alpha");
    Check.atLeast(gamma, 0, "gamma");
    Check.inRange(labelSmoothing, 0, 1, "label_smoothing");
    ClassWeights.of(classWeights, 2, "class_weights");
    classWeights = classWeights == null ? null : List.copyOf(classWeights);
  }

  @Override
  public Loss build() {
    return new BinaryFocalCrossEntropy(
        applyClassBalancing,
        alpha,
        gamma,
        labelSmoothing,
        ClassWeights.of(classWeights, 2, "class_weights"));
  }
}
