package org.tfseg.metric;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A metric reported during training and evaluation; predictions are binarized at the configured
 * threshold for precision, recall and accuracy. In training logs it appears under {@link
 * #jsonName()} and, for the validation set, {@code val_<name>}.
 */
public enum Metric {
  @JsonProperty("precision")
  PRECISION,
  @JsonProperty("recall")
  RECALL,
  /** Mean absolute error between the sigmoid output and the mask. */
  @JsonProperty("mae")
  MAE,
  /** Pixel accuracy: argmax equals the label (softmax models) or thresholded agreement. */
  @JsonProperty("accuracy")
  ACCURACY,
  /** Keras MeanIoU over the epoch's confusion counts; evaluations add {@code iou_class<c>}. */
  @JsonProperty("mean_iou")
  MEAN_IOU,
  /** Dice score (F1) of the thresholded foreground; binary models only. */
  @JsonProperty("dice")
  DICE,
  /**
   * Evaluation only: the nine salient-object metrics of PySODMetrics (MAE, S-measure, weighted
   * F, adaptive/mean/max F and E) on each prediction resized back to its mask's original size.
   */
  @JsonProperty("sod")
  SOD;

  /** The name used in JSON and in logs ({@code precision}, {@code mae}, …). */
  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
