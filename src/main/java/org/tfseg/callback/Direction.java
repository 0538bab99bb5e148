package org.tfseg.callback;

import java.util.List;
import java.util.Locale;

/**
 * Direction of a monitored quantity: {@link #MIN} for losses, {@link #MAX} for scores. Holds the
 * two improvement tests Keras 3 uses, which differ in where {@code min_delta} is applied and in
 * floating-point width, so that replayed sequences decide exactly as Keras would.
 */
public enum Direction {
  MIN,
  MAX;

  /** Substrings marking a score (higher is better) when {@code mode} is "auto". */
  private static final List<String> MAX_KEYWORDS =
      List.of(
          "acc", "precision", "recall", "dice", "iou", "fmeasure", "auc", "smeasure", "emeasure");

  /**
   * Resolves "auto", "min" or "max" (case-insensitive) for {@code monitor}. "auto" means MAX when
   * the key, without a {@code val_} prefix, contains one of acc, precision, recall, dice, iou,
   * fmeasure, auc, smeasure, emeasure; MIN otherwise.
   *
   * @throws IllegalArgumentException for any other mode (Keras would warn and fall back to auto;
   *     a typo in an experiment file should fail instead)
   */
  public static Direction resolve(String mode, String monitor) {
    switch (mode.toLowerCase(Locale.ROOT)) {
      case "min":
        return MIN;
      case "max":
        return MAX;
      case "auto":
        String name = monitor.startsWith("val_") ? monitor.substring(4) : monitor;
        String lower = name.toLowerCase(Locale.ROOT);
        return MAX_KEYWORDS.stream().anyMatch(lower::contains) ? MAX : MIN;
      default:
        throw new IllegalArgumentException(
            "mode '" + mode + "' for monitor '" + monitor + "' must be auto, min or max");
    }
  }

  /** The best value before any epoch: +inf for MIN, -inf for MAX. */
  public double initialBest() {
    return this == MIN ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
  }

  /**
   * Keras 3 {@code MonitorCallback._is_improvement} (EarlyStopping, ModelCheckpoint):
   * {@code monitor_op(current - signed_min_delta, reference)} with {@code ops.less}/{@code
   * ops.greater}. Under the TensorFlow backend those ops convert their Python-float operands to
   * float32 before comparing, so the comparison here is done in float32 too.
   */
  public boolean isImprovement(double current, double reference, double minDelta) {
    double delta = Math.abs(minDelta);
    if (this == MIN) {
      return (float) (current + delta) < (float) reference;
    }
    return (float) (current - delta) > (float) reference;
  }

  /**
   * Keras 3 {@code ReduceLrOnPlateau.monitor_op}: {@code np.less(current, best - min_delta)} (or
   * {@code np.greater(current, best + min_delta)}), evaluated in float64.
   */
  public boolean isPlateauImprovement(double current, double best, double minDelta) {
    if (this == MIN) {
      return current < best - minDelta;
    }
    return current > best + minDelta;
  }

  /** Lower-case name as written in experiment files. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
