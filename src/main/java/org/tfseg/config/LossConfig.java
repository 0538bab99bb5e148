package org.tfseg.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The training loss; one-of on {@code "type"}. To add a loss, write a record implementing this
 * interface, add it to {@code permits} and register it with one {@code @JsonSubTypes.Type} line.
 * A composite loss may hold {@code LossConfig} components; they bind recursively.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = BceLoss.class, name = "bce"),
  @JsonSubTypes.Type(value = SparseCceLoss.class, name = "sparse_categorical_crossentropy"),
  @JsonSubTypes.Type(value = DiceLoss.class, name = "dice"),
  @JsonSubTypes.Type(value = BceDiceLoss.class, name = "bce_dice"),
  @JsonSubTypes.Type(value = SsimLoss.class, name = "ssim"),
  @JsonSubTypes.Type(value = SoftIouLoss.class, name = "soft_iou"),
  @JsonSubTypes.Type(value = WeightedSumLoss.class, name = "weighted_sum"),
  @JsonSubTypes.Type(value = DeepSupervisionLoss.class, name = "deep_supervision"),
  @JsonSubTypes.Type(value = BasnetHybridLoss.class, name = "basnet_hybrid"),
})
public sealed interface LossConfig
    permits BceLoss, SparseCceLoss, DiceLoss, BceDiceLoss, SsimLoss, SoftIouLoss, WeightedSumLoss,
        DeepSupervisionLoss, BasnetHybridLoss {}
