package org.tfseg.sod;

/**
 * Weighted F-measure (Margolin et al. 2014, β² = 1) as PySODMetrics computes it: errors are spread
 * to background pixels from their nearest foreground pixel, smoothed by a 7×7 Gaussian (σ = 5, zero
 * padding), and background errors are weighted by their distance to the object.
 */
public final class WeightedFmeasure {
  public static final double BETA2 = 1.0;
  private static final int K = 7;
  private static final double[] KERNEL = gaussian(K, 5.0);

  private WeightedFmeasure() {}

  public static double of(double[] pred, boolean[] gt, int h, int w) {
    SodImage.checkSizes(pred, gt, h, w);
    long fgCount = SodImage.count(gt);
    if (fgCount == 0) {
      return 0;
    }
    int n = pred.length;
    double[] e = new double[n];
    for (int i = 0; i < n; i++) {
      e[i] = Math.abs(pred[i] - (gt[i] ? 1.0 : 0.0));
    }
    DistanceTransform dt = DistanceTransform.of(gt, h, w);
    double[] et = new double[n];
    for (int i = 0; i < n; i++) {
      et[i] = gt[i] ? e[i] : e[dt.nearest(i)];
    }
    double[] ea = convolve(et, h, w);
    double decay = Math.log(0.5) / 5;
    double[] ewFg = new double[(int) fgCount];
    double[] ewBg = new double[n - (int) fgCount];
    int nf = 0;
    int nb = 0;
    for (int i = 0; i < n; i++) {
      if (gt[i]) {
        ewFg[nf++] = ea[i] < e[i] ? ea[i] : e[i];
      } else {
        ewBg[nb++] = e[i] * (2 - Math.exp(decay * dt.distance(i)));
      }
    }
    double tpw = fgCount - NumpySum.sum(ewFg);
    double fpw = NumpySum.sum(ewBg);
    double r = 1 - NumpySum.mean(ewFg);
    double p = tpw / (tpw + fpw + SodImage.EPS);
    return (1 + BETA2) * r * p / (r + BETA2 * p + SodImage.EPS);
  }

  /** MATLAB's {@code fspecial('gaussian', [k k], sigma)}, row-major. */
  static double[] gaussian(int k, double sigma) {
    int m = (k - 1) / 2;
    double[] h = new double[k * k];
    double max = 0;
    for (int y = -m; y <= m; y++) {
      for (int x = -m; x <= m; x++) {
        double v = Math.exp(-(double) (x * x + y * y) / (2 * sigma * sigma));
        h[(y + m) * k + x + m] = v;
        max = Math.max(max, v);
      }
    }
    double sum = 0;
    for (int i = 0; i < h.length; i++) {
      if (h[i] < Math.ulp(1.0) * max) {
        h[i] = 0;
      }
      sum += h[i];
    }
    if (sum != 0) {
      for (int i = 0; i < h.length; i++) {
        h[i] /= sum;
      }
    }
    return h;
  }

  /** Same-size convolution with {@link #KERNEL}, zero outside the image. */
  private static double[] convolve(double[] a, int h, int w) {
    int m = K / 2;
    double[] out = new double[a.length];
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        double s = 0;
        for (int dy = -m; dy <= m; dy++) {
          int rr = r + dy;
          if (rr < 0 || rr >= h) {
            continue;
          }
          for (int dx = -m; dx <= m; dx++) {
            int cc = c + dx;
            if (cc < 0 || cc >= w) {
              continue;
            }
            // Convolution flips the kernel; it is symmetric, the flip is kept for clarity.
            s += a[rr * w + cc] * KERNEL[(m - dy) * K + (m - dx)];
          }
        }
        out[r * w + c] = s;
      }
    }
    return out;
  }
}
