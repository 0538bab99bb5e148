package org.tfseg.loss;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.tfseg.config.Check;

/**
 * Sparse categorical cross-entropy on the softmax logits ({@code "type":
 * "sparse_categorical_crossentropy"}), Keras' {@code
 * SparseCategoricalCrossentropy(from_logits=True)}, for multi-class models with class-label
 * targets; void pixels ({@code data.ignore_label}) are left out.
 *
 * @param labelSmoothing Keras' label smoothing of the one-hot, {@code y·(1 − ls) + ls/C} (default
 *     0, in [0, 1])
 * @param classWeights one weight per class (optional: all 1)
 */
@JsonTypeName("sparse_categorical_crossentropy")
public record SparseCategoricalCrossEntropyConfig(Double labelSmoothing, List<Double> classWeights)
    implements LossConfig {
  public SparseCategoricalCrossEntropyConfig {
    labelSmoothing = Check.orDefault(labelSmoothing, 0.0);
    Check.inRange(labelSmoothing, 0, 1, "label_smoothing");
    ClassWeights.of(classWeights, 0, "class_weights");
    classWeights = classWeights == null ? null : List.copyOf(classWeights);
  }

  /** No smoothing, no weights. */
  public SparseCategoricalCrossEntropyConfig() {
    this(null, null);
  }

  @Override
  public Loss build() {
    return new SparseCategoricalCrossEntropy(
        labelSmoothing, ClassWeights.of(classWeights, 0, "class_weights"));
  }

  @Override
  public void checkClasses(int classes, String key) {
    ClassWeights.checkClasses(classWeights, classes, key + ".class_weights");
  }
}
