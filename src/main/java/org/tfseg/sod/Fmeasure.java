package org.tfseg.sod;

/** F-measure with β² = 0.3: the 256-threshold curve and the adaptive-threshold value. */
public final class Fmeasure {
  public static final double BETA2 = 0.3;

  /** Precision, recall and F at the 256 thresholds (index k ↔ level 255 − k). */
  public record Curve(double[] precision, double[] recall, double[] f) {}

  private Fmeasure() {}

  public static Curve curve(double[] pred, boolean[] gt) {
    return curve(ThresholdCounts.of(pred, gt));
  }

  static Curve curve(ThresholdCounts c) {
    int n = ThresholdCounts.LEVELS;
    double[] p = new double[n];
    double[] r = new double[n];
    double[] f = new double[n];
    long t = Math.max(c.foreground(), 1);
    for (int k = 0; k < n; k++) {
      long pos = c.positives()[k] == 0 ? 1 : c.positives()[k];
      p[k] = (double) c.truePositives()[k] / pos;
      r[k] = (double) c.truePositives()[k] / t;
      double num = (1 + BETA2) * p[k] * r[k];
      f[k] = num == 0 ? 0 : num / (BETA2 * p[k] + r[k]);
    }
    return new Curve(p, r, f);
  }

  /** F of {@code p ≥ min(2·mean(p), 1)}; 0 when the binary map misses the foreground entirely. */
  public static double adaptive(double[] pred, boolean[] gt) {
    long[] counts = SodImage.adaptiveCounts(pred, gt);
    long inter = counts[0];
    long positives = counts[1];
    long g = counts[2];
    if (inter == 0) {
      return 0;
    }
    double pre = (double) inter / positives;
    double rec = (double) inter / g;
    return (1 + BETA2) * pre * rec / (BETA2 * pre + rec);
  }
}
