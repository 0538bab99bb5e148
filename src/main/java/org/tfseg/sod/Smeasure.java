package org.tfseg.sod;

/**
 * Structure measure (S-measure, α = 0.5): object-aware plus region-aware structural similarity.
 *
 * <p>Edge case: when the foreground centroid lands on the last row or column, one or two quadrants
 * are empty and PySODMetrics returns NaN. Here an empty quadrant contributes 0 (its weight is 0
 * anyway, so the other quadrants decide the score).
 */
public final class Smeasure {
  public static final double ALPHA = 0.5;

  private Smeasure() {}

  public static double of(double[] pred, boolean[] gt, int h, int w) {
    SodImage.checkSizes(pred, gt, h, w);
    long fg = SodImage.count(gt);
    double y = (double) fg / gt.length;
    if (fg == 0) {
      return 1 - NumpySum.mean(pred);
    }
    if (fg == gt.length) {
      return NumpySum.mean(pred);
    }
    double s = ALPHA * object(pred, gt, y) + (1 - ALPHA) * region(pred, gt, h, w);
    return Math.max(0, s);
  }

  static double object(double[] pred, boolean[] gt, double y) {
    double[] inverted = new double[pred.length];
    for (int i = 0; i < pred.length; i++) {
      inverted[i] = 1 - pred[i];
    }
    double fgScore = objectScore(SodImage.select(pred, gt, true)) * y;
    double bgScore = objectScore(SodImage.select(inverted, gt, false)) * (1 - y);
    return fgScore + bgScore;
  }

  private static double objectScore(double[] x) {
    double mean = NumpySum.mean(x);
    double std = 0;
    if (x.length > 1) {
      double[] sq = new double[x.length];
      for (int i = 0; i < x.length; i++) {
        double d = x[i] - mean;
        sq[i] = d * d;
      }
      std = Math.sqrt(NumpySum.sum(sq) / (x.length - 1));
    }
    return 2 * mean / (mean * mean + 1 + std + SodImage.EPS);
  }

  static double region(double[] pred, boolean[] gt, int h, int w) {
    long sumRow = 0;
    long sumCol = 0;
    long n = 0;
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        if (gt[r * w + c]) {
          sumRow += r;
          sumCol += c;
          n++;
        }
      }
    }
    int cy = (int) Math.rint((double) sumRow / n) + 1;
    int cx = (int) Math.rint((double) sumCol / n) + 1;
    double area = (double) h * w;
    double wlt = (double) ((long) cx * cy) / area;
    double wrt = (double) ((long) cy * (w - cx)) / area;
    double wlb = (double) ((long) (h - cy) * cx) / area;
    double wrb = 1 - wlt - wrt - wlb;
    return wlt * ssim(pred, gt, w, 0, cy, 0, cx)
        + wrt * ssim(pred, gt, w, 0, cy, cx, w)
        + wlb * ssim(pred, gt, w, cy, h, 0, cx)
        + wrb * ssim(pred, gt, w, cy, h, cx, w);
  }

  /** Structural similarity Q of rows [r0, r1) × columns [c0, c1); an empty block gives 0. */
  static double ssim(double[] pred, boolean[] gt, int w, int r0, int r1, int c0, int c1) {
    int rows = Math.max(0, r1 - r0);
    int cols = Math.max(0, c1 - c0);
    int n = rows * cols;
    if (n == 0) {
      return 0;
    }
    double[] x = new double[n];
    double[] g = new double[n];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        int i = (r0 + r) * w + c0 + c;
        x[r * cols + c] = pred[i];
        g[r * cols + c] = gt[i] ? 1.0 : 0.0;
      }
    }
    double mx = NumpySum.mean(x);
    double my = NumpySum.mean(g);
    double[] dxx = new double[n];
    double[] dyy = new double[n];
    double[] dxy = new double[n];
    for (int i = 0; i < n; i++) {
      double dx = x[i] - mx;
      double dy = g[i] - my;
      dxx[i] = dx * dx;
      dyy[i] = dy * dy;
      dxy[i] = dx * dy;
    }
    double denom = n - 1 + SodImage.EPS;
    double sx = NumpySum.sum(dxx) / denom;
    double sy = NumpySum.sum(dyy) / denom;
    double sxy = NumpySum.sum(dxy) / denom;
    double alpha = 4 * mx * my * sxy;
    double beta = (mx * mx + my * my) * (sx + sy);
    if (alpha != 0) {
      return alpha / (beta + SodImage.EPS);
    }
    return beta == 0 ? 1 : 0;
  }
}
