package org.tfseg.sod;

/**
 * Relaxed boundary F-measure (BASNet, Qin et al. CVPR 2019, §4.3), β² = 0.3, slack ρ pixels.
 *
 * <p>The paper's tool never published this measure (Binary-Segmentation-Evaluation-Tool issue #4),
 * so this follows the paper's text: both maps are binarised; a map's boundary is the map XOR its
 * erosion by a 3×3 square (pixels outside the image count as foreground, as in scikit-image and
 * OpenCV, so the image frame is not a boundary); relaxed precision is the fraction of predicted
 * boundary pixels within Euclidean distance ρ of a ground-truth boundary pixel, relaxed recall the
 * converse. A map without boundary pixels gives precision (or recall) 0, and F = 0 when P·R = 0.
 */
public final class RelaxedBoundaryF {
  public static final double BETA2 = 0.3;

  private RelaxedBoundaryF() {}

  public static double of(boolean[] pred, boolean[] gt, int h, int w, double rho) {
    if (pred.length != gt.length || (long) h * w != gt.length) {
      throw new IllegalArgumentException("sizes differ");
    }
    boolean[] bp = boundary(pred, h, w);
    boolean[] bg = boundary(gt, h, w);
    double p = within(bp, bg, h, w, rho);
    double r = within(bg, bp, h, w, rho);
    double num = (1 + BETA2) * p * r;
    return num == 0 ? 0 : num / (BETA2 * p + r);
  }

  /** {@code b XOR erode(b)} with a 3×3 square; outside the image counts as foreground. */
  static boolean[] boundary(boolean[] b, int h, int w) {
    boolean[] out = new boolean[b.length];
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        if (!b[r * w + c]) {
          continue;
        }
        boolean eroded = true;
        for (int dr = -1; dr <= 1 && eroded; dr++) {
          for (int dc = -1; dc <= 1; dc++) {
            int rr = r + dr;
            int cc = c + dc;
            if (rr >= 0 && rr < h && cc >= 0 && cc < w && !b[rr * w + cc]) {
              eroded = false;
              break;
            }
          }
        }
        out[r * w + c] = !eroded;
      }
    }
    return out;
  }

  /** Fraction of {@code from} pixels within distance rho of a {@code to} pixel. */
  private static double within(boolean[] from, boolean[] to, int h, int w, double rho) {
    long n = SodImage.count(from);
    if (n == 0) {
      return 0;
    }
    DistanceTransform dt = DistanceTransform.of(to, h, w);
    long hit = 0;
    for (int i = 0; i < from.length; i++) {
      if (from[i] && dt.distance(i) <= rho) {
        hit++;
      }
    }
    return (double) hit / n;
  }
}
