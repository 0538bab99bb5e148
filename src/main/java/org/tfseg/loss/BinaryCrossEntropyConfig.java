package org.tfseg.loss;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.tfseg.config.Check;

/**
 * Binary cross-entropy on the sigmoid output ({@code "type": "bce"}).
 *
 * @param labelSmoothing Keras' label smoothing, {@code y·(1 − ls) + 0.5·ls} (default 0, in [0, 1])
 * @param classWeights {@code [background, foreground]} weights (optional: both 1)
 */
@JsonTypeName("bce")
public record BinaryCrossEntropyConfig(Double labelSmoothing, List<Double> classWeights)
    implements LossConfig {
  public BinaryCrossEntropyConfig {
    labelSmoothing = Check.orDefault(labelSmoothing, 0.0);
    Check.inRange(labelSmoothing, 0, 1, "label_smoothing");
    ClassWeights.of(classWeights, 2, "class_weights");
    classWeights = classWeights == null ? null : List.copyOf(classWeights);
  }

  /** No smoothing, no weights. */
  public BinaryCrossEntropyConfig() {
    this(null, null);
  }

  @Override
  public Loss build() {
    return new BinaryCrossEntropy(
        labelSmoothing, ClassWeights.of(classWeights, 2, "class_weights"));
  }
}
