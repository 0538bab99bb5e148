package org.tfseg.loss;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The training loss; one-of on {@code "type"}. To add a loss, write a record implementing this
 * interface, add it to {@code permits} and register it with one {@code @JsonSubTypes.Type} line.
 * A composite loss may hold {@code LossConfig} components; they bind recursively.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = BinaryCrossEntropyConfig.class, name = "bce"),
  @JsonSubTypes.Type(value = SparseCategoricalCrossEntropyConfig.class, name = "sparse_categorical_crossentropy"),
  @JsonSubTypes.Type(value = DiceConfig.class, name = "dice"),
  @JsonSubTypes.Type(value = BceDiceConfig.class, name = "bce_dice"),
  @JsonSubTypes.Type(value = SsimConfig.class, name = "ssim"),
  @JsonSubTypes.Type(value = SoftIouConfig.class, name = "soft_iou"),
  @JsonSubTypes.Type(value = WeightedSumConfig.class, name = "weighted_sum"),
  @JsonSubTypes.Type(value = DeepSupervisionConfig.class, name = "deep_supervision"),
  @JsonSubTypes.Type(value = BasNetHybridConfig.class, name = "basnet_hybrid"),
})
public sealed interface LossConfig
    permits BinaryCrossEntropyConfig, SparseCategoricalCrossEntropyConfig, DiceConfig, BceDiceConfig, SsimConfig, SoftIouConfig, WeightedSumConfig,
        DeepSupervisionConfig, BasNetHybridConfig {}
