package org.tfseg.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The training loss; one-of on {@code "type"}. To add a loss (dice, bce_dice, ssim, iou, weighted
 * sums, deep supervision), write a record implementing this interface, add it to {@code permits}
 * and register it with one {@code @JsonSubTypes.Type} line. A composite loss may hold {@code
 * List<LossConfig>} components; they bind recursively.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = BceLoss.class, name = "bce"),
  @JsonSubTypes.Type(value = SparseCceLoss.class, name = "sparse_categorical_crossentropy"),
  @JsonSubTypes.Type(value = DiceLoss.class, name = "dice"),
  @JsonSubTypes.Type(value = BceDiceLoss.class, name = "bce_dice"),
})
public sealed interface LossConfig permits BceLoss, SparseCceLoss, DiceLoss, BceDiceLoss {}
