package org.tfseg.metric;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * A metric reported during training and evaluation, registered here with its builder (one constant
 * per metric); predictions are binarized at the configured threshold for precision, recall and
 * accuracy. In training logs it appears under {@link #jsonName()} and, for the validation set,
 * {@code val_<name>}.
 */
public enum Metric {
  @JsonProperty("precision")
  PRECISION(Precision::new),
  @JsonProperty("recall")
  RECALL(Recall::new),
  /** Mean absolute error between the sigmoid output and the mask. */
  @JsonProperty("mae")
  MAE(threshold -> new MeanAbsoluteError()),
  /** Pixel accuracy: argmax equals the label (softmax models) or thresholded agreement. */
  @JsonProperty("accuracy")
  ACCURACY(Accuracy::new),
  /** Keras MeanIoU over the epoch's confusion counts; evaluations add {@code iou_class<c>}. */
  @JsonProperty("mean_iou")
  MEAN_IOU(MeanIou::new),
  /** Dice score (F1) of the thresholded foreground; binary models only. */
  @JsonProperty("dice")
  DICE(DiceScore::new),
  /**
   * Evaluation only: the nine salient-object metrics of PySODMetrics (MAE, S-measure, weighted F,
   * adaptive/mean/max F and E) on each prediction resized back to its mask's original size; scored
   * per image by {@code org.tfseg.sod.SodEvaluator}, not in the graph.
   */
  @JsonProperty("sod")
  SOD(null);

  private final DoubleFunction<StreamingMetric> builder;

  Metric(DoubleFunction<StreamingMetric> builder) {
    this.builder = builder;
  }

  /** Whether this is a pixel-pooled streaming metric (all but {@link #SOD}). */
  public boolean streaming() {
    return builder != null;
  }

  /** The in-graph streaming metric at {@code threshold}. */
  public StreamingMetric build(double threshold) {
    if (builder == null) {
      throw new IllegalStateException(jsonName() + " is scored per image, not in the graph");
    }
    return builder.apply(threshold);
  }

  /** The name used in JSON and in logs ({@code precision}, {@code mae}, …). */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
