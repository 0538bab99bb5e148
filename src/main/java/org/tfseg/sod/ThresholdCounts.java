package org.tfseg.sod;

/**
 * Cumulative pixel counts at the 256 thresholds shared by the F- and E-measure curves.
 *
 * <p>Each prediction is quantised as {@code q = (int)(p·255)} (truncation, as numpy's {@code
 * astype(uint8)}); index k = 0..255 stands for level t = 255 − k and the predicate {@code q ≥ t},
 * so the curve runs from the strictest threshold to the loosest.
 */
record ThresholdCounts(long[] truePositives, long[] positives, long foreground, long pixels) {
  static final int LEVELS = 256;

  static ThresholdCounts of(double[] pred, boolean[] gt) {
    SodImage.checkSizes(pred, gt);
    long[] fg = new long[LEVELS];
    long[] bg = new long[LEVELS];
    for (int i = 0; i < pred.length; i++) {
      int q = (int) (pred[i] * 255.0);
      if (q < 0 || q > 255) {
        throw new IllegalArgumentException("prediction " + pred[i] + " outside [0, 1]");
      }
      if (gt[i]) {
        fg[q]++;
      } else {
        bg[q]++;
      }
    }
    long[] tp = new long[LEVELS];
    long[] pos = new long[LEVELS];
    long cumFg = 0;
    long cumBg = 0;
    for (int k = 0; k < LEVELS; k++) {
      cumFg += fg[255 - k];
      cumBg += bg[255 - k];
      tp[k] = cumFg;
      pos[k] = cumFg + cumBg;
    }
    long g = 0;
    for (long c : fg) {
      g += c;
    }
    return new ThresholdCounts(tp, pos, g, pred.length);
  }
}
