package org.tfseg.callback;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * Whether a monitored quantity improves when it goes down ({@code min}) or up ({@code max}); {@code
 * auto} is resolved from the monitored name as Keras does ({@link #resolve}). Holds the two
 * improvement tests Keras 3 uses, which differ in where {@code min_delta} is applied and in
 * floating-point width, so that replayed sequences decide exactly as Keras would.
 */
public enum MonitorMode {
  @JsonProperty("auto")
  AUTO,
  @JsonProperty("min")
  MIN,
  @JsonProperty("max")
  MAX;

  /** Substrings marking a score (higher is better) under {@code auto}. */
  private static final List<String> MAX_KEYWORDS =
      List.of(
          "acc", "precision", "recall", "dice", "iou", "fmeasure", "auc", "smeasure", "emeasure");

  /**
   * {@link #MIN} or {@link #MAX} for {@code monitor}: AUTO means MAX when the key, without a {@code
   * val_} prefix, contains one of acc, precision, recall, dice, iou, fmeasure, auc, smeasure,
   * emeasure, and MIN otherwise.
   */
  public MonitorMode resolve(String monitor) {
    if (this != AUTO) {
      return this;
    }
    String name = monitor.startsWith("val_") ? monitor.substring(4) : monitor;
    String lower = name.toLowerCase(Locale.ROOT);
    return MAX_KEYWORDS.stream().anyMatch(lower::contains) ? MAX : MIN;
  }

  /** The best value before any epoch: +inf for MIN, -inf for MAX. */
  public double initialBest() {
    return resolved() == MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
  }

  /**
   * Keras 3 {@code MonitorCallback._is_improvement} (EarlyStopping, ModelCheckpoint): {@code
   * monitor_op(current - signed_min_delta, reference)} with {@code ops.less}/{@code ops.greater}.
   * Under the TensorFlow backend those ops convert their Python-float operands to float32 before
   * comparing, so the comparison here is done in float32 too.
   */
  public boolean isImprovement(double current, double reference, double minDelta) {
    double delta = Math.abs(minDelta);
    if (resolved() == MIN) {
      return (float) (current + delta) < (float) reference;
    }
    return (float) (current - delta) > (float) reference;
  }

  /**
   * Keras 3 {@code ReduceLROnPlateau.monitor_op}: {@code np.less(current, best - min_delta)} (or
   * {@code np.greater(current, best + min_delta)}), evaluated in float64.
   */
  public boolean isPlateauImprovement(double current, double best, double minDelta) {
    if (resolved() == MIN) {
      return current < best - minDelta;
    }
    return current > best + minDelta;
  }

  /** Lower-case name as written in experiment files. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  private MonitorMode resolved() {
    if (this == AUTO) {
      throw new IllegalStateException("resolve auto against the monitored key first");
    }
    return this;
  }
}
