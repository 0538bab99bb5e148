package org.tfseg.sod;

/**
 * Enhanced-alignment measure (E-measure) of a binary map, its 256-threshold curve and adaptive
 * value.
 */
public final class Emeasure {
  private Emeasure() {}

  /**
   * E-measure from counts alone: {@code n11 = |B∧gt|}, {@code positives = |B|}, {@code foreground =
   * |gt|}, {@code pixels = N}. The four (b, g) cells each have one constant enhanced alignment
   * value, so the score is a count-weighted sum.
   */
  public static double score(long n11, long positives, long foreground, long pixels) {
    double denom = pixels - 1 + SodImage.EPS;
    if (foreground == 0) {
      return (pixels - positives) / denom;
    }
    if (foreground == pixels) {
      return positives / denom;
    }
    long n10 = positives - n11;
    long n01 = foreground - n11;
    long n00 = pixels - foreground - n10;
    double meanB = (double) positives / pixels;
    double meanG = (double) foreground / pixels;
    double bFg = 1 - meanB;
    double bBg = 0 - meanB;
    double gFg = 1 - meanG;
    double gBg = 0 - meanG;
    double sum = 0;
    sum += enhanced(bFg, gFg) * n11;
    sum += enhanced(bFg, gBg) * n10;
    sum += enhanced(bBg, gFg) * n01;
    sum += enhanced(bBg, gBg) * n00;
    return sum / denom;
  }

  private static double enhanced(double a, double c) {
    double align = 2 * (a * c) / (a * a + c * c + SodImage.EPS);
    double v = align + 1;
    return v * v / 4;
  }

  public static double[] curve(double[] pred, boolean[] gt) {
    return curve(ThresholdCounts.of(pred, gt));
  }

  static double[] curve(ThresholdCounts c) {
    double[] e = new double[ThresholdCounts.LEVELS];
    for (int k = 0; k < e.length; k++) {
      e[k] = score(c.truePositives()[k], c.positives()[k], c.foreground(), c.pixels());
    }
    return e;
  }

  /** E-measure of {@code p ≥ min(2·mean(p), 1)}. */
  public static double adaptive(double[] pred, boolean[] gt) {
    long[] counts = SodImage.adaptiveCounts(pred, gt);
    long n11 = counts[0];
    long positives = counts[1];
    long g = counts[2];
    return score(n11, positives, g, pred.length);
  }
}
