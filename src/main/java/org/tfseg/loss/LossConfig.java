package org.tfseg.loss;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.tfseg.config.InvalidConfigException;

/**
 * The training loss; one-of on {@code "type"}. To add a loss: a record implementing this interface
 * (named by {@code @JsonTypeName}, building its {@link Loss}) and one entry in {@code permits}. A
 * composite loss holds {@code LossConfig} components; they bind recursively.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public sealed interface LossConfig
    permits BinaryCrossEntropyConfig,
        SparseCategoricalCrossEntropyConfig,
        BinaryFocalCrossEntropyConfig,
        CategoricalFocalCrossEntropyConfig,
        DiceConfig,
        TverskyConfig,
        BceDiceConfig,
        SsimConfig,
        SoftIouConfig,
        WeightedSumConfig,
        DeepSupervisionConfig,
        BasNetHybridConfig {
  Loss build();

  /** Whether the loss reaches every output of a multi-output model, not only the primary one. */
  default boolean coversAllOutputs() {
    return false;
  }

  /**
   * Checks the loss against a model with {@code outputs} logits maps; {@code key} is the loss's
   * JSON path. A multi-output model needs a loss that reaches every output (else its side heads get
   * no gradient).
   */
  default void checkOutputs(int outputs, String key) {
    if (outputs > 1 && !coversAllOutputs()) {
      throw new InvalidConfigException(
          key,
          "the model has "
              + outputs
              + " outputs; use deep_supervision or basnet_hybrid so that every output is trained");
    }
    checkNested(outputs, key);
  }

  /** Checks of a composite's components (deep-supervision weights, nesting); none by default. */
  default void checkNested(int outputs, String key) {}

  /**
   * Checks the loss against a model of {@code classes} classes (1 for a sigmoid model): one class
   * weight per class. Composites check their components; none by default.
   */
  default void checkClasses(int classes, String key) {}
}
