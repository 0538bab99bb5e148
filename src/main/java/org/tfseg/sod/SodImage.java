package org.tfseg.sod;

import java.util.Arrays;

/** Argument checks and small helpers shared by the per-image metrics. */
final class SodImage {
  /** {@code np.spacing(1)}: the EPS of PySODMetrics. */
  static final double EPS = Math.ulp(1.0);

  private SodImage() {}

  static void checkSizes(double[] pred, boolean[] gt) {
    if (pred.length != gt.length) {
      throw new IllegalArgumentException(
          "prediction has " + pred.length + " pixels, mask " + gt.length);
    }
    if (pred.length == 0) {
      throw new IllegalArgumentException("empty image");
    }
  }

  static void checkSizes(double[] pred, boolean[] gt, int h, int w) {
    checkSizes(pred, gt);
    if (h <= 0 || w <= 0 || (long) h * w != pred.length) {
      throw new IllegalArgumentException(
          h + "x" + w + " does not match " + pred.length + " pixels");
    }
  }

  static long count(boolean[] b) {
    long n = 0;
    for (boolean v : b) {
      if (v) {
        n++;
      }
    }
    return n;
  }

  /** PySODMetrics' adaptive threshold {@code min(2·mean(p), 1)}. */
  static double adaptiveThreshold(double[] pred) {
    return Math.min(2 * NumpySum.mean(pred), 1.0);
  }

  static double[] select(double[] a, boolean[] mask, boolean want) {
    double[] out = new double[a.length];
    int n = 0;
    for (int i = 0; i < a.length; i++) {
      if (mask[i] == want) {
        out[n++] = a[i];
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * Counts for the adaptive binary map {@code B = p ≥ min(2·mean(p), 1)}: {@code {|B ∧ gt|, |B|,
   * |gt|}}.
   */
  static long[] adaptiveCounts(double[] pred, boolean[] gt) {
    checkSizes(pred, gt);
    double thr = adaptiveThreshold(pred);
    long both = 0;
    long positives = 0;
    long g = 0;
    for (int i = 0; i < pred.length; i++) {
      boolean b = pred[i] >= thr;
      if (b) {
        positives++;
        if (gt[i]) {
          both++;
        }
      }
      if (gt[i]) {
        g++;
      }
    }
    return new long[] {both, positives, g};
  }
}
