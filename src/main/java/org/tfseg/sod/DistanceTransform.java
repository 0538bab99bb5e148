package org.tfseg.sod;

/**
 * Exact Euclidean distance transform with nearest-pixel indices, bit-compatible with scipy's {@code
 * ndimage.distance_transform_edt(input, return_indices=True)}.
 *
 * <p>For every pixel it finds the nearest <em>target</em> pixel (scipy: the nearest zero of {@code
 * input}). The algorithm is the one scipy uses (Maurer, Qi and Raghavan 2003): a 1-D pass down
 * every column, then a lower-envelope pass along every row. Ties between equidistant targets are
 * broken as scipy does: the column pass keeps the upper candidate, the row pass keeps the earlier
 * candidate on the envelope (the left one), and an envelope site is dropped only when the neighbour
 * test is strictly positive. Targets are pixels where {@code target[i]} is true. Checked
 * index-for-index against scipy 1.17 on 400 random, tie-rich masks.
 */
public final class DistanceTransform {
  /** Row-major nearest target index for every pixel, or -1 when the image has no target. */
  private final int[] nearest;

  private final int w;

  private DistanceTransform(int[] nearest, int w) {
    this.nearest = nearest;
    this.w = w;
  }

  public static DistanceTransform of(boolean[] target, int h, int w) {
    if (h <= 0 || w <= 0 || (long) h * w != target.length) {
      throw new IllegalArgumentException(h + "x" + w + " does not match " + target.length);
    }
    int[] fr = new int[h * w]; // feature row, -1 = none yet
    int[] fc = new int[h * w];
    int len = Math.max(h, w);
    int[] g = new int[len];
    int[] siteRow = new int[len];
    int[] siteCol = new int[len];
    // Pass 1: along axis 0 (down each column). Every target is a site; ties go to the upper one.
    for (int c = 0; c < w; c++) {
      int m = 0;
      for (int r = 0; r < h; r++) {
        if (target[r * w + c]) {
          g[m++] = r;
        }
      }
      int l = 0;
      for (int r = 0; r < h; r++) {
        int i = r * w + c;
        if (m == 0) {
          fr[i] = -1;
          continue;
        }
        long d1 = sq(g[l] - r);
        while (l < m - 1) {
          long d2 = sq(g[l + 1] - r);
          if (d1 <= d2) {
            break;
          }
          d1 = d2;
          l++;
        }
        fr[i] = g[l];
        fc[i] = c;
      }
    }
    // Pass 2: along axis 1 (each row), lower envelope of the column-pass features.
    for (int r = 0; r < h; r++) {
      int l = -1;
      for (int c = 0; c < w; c++) {
        int i = r * w + c;
        if (fr[i] < 0) {
          continue;
        }
        double fd = fc[i];
        double wR = sq(fr[i] - r);
        while (l >= 1) {
          int idx1 = g[l];
          int idx2 = g[l - 1];
          double f1 = siteCol[idx1];
          double a = f1 - siteCol[idx2];
          double b = fd - f1;
          double uR = sq(siteRow[idx2] - r);
          double vR = sq(siteRow[idx1] - r);
          double cc = a + b;
          if (cc * vR - b * uR - a * wR - a * b * cc <= 0.0) {
            break;
          }
          --l;
        }
        ++l;
        g[l] = c;
        siteRow[c] = fr[i];
        siteCol[c] = fc[i];
      }
      int maxl = l;
      if (maxl < 0) {
        continue;
      }
      l = 0;
      for (int c = 0; c < w; c++) {
        double d1 = sq(siteRow[g[l]] - r) + sq(siteCol[g[l]] - c);
        while (l < maxl) {
          double d2 = sq(siteRow[g[l + 1]] - r) + sq(siteCol[g[l + 1]] - c);
          if (d1 <= d2) {
            break;
          }
          d1 = d2;
          l++;
        }
        int i = r * w + c;
        fr[i] = siteRow[g[l]];
        fc[i] = siteCol[g[l]];
      }
    }
    int[] nearest = new int[h * w];
    for (int i = 0; i < nearest.length; i++) {
      nearest[i] = fr[i] < 0 ? -1 : fr[i] * w + fc[i];
    }
    return new DistanceTransform(nearest, w);
  }

  private static long sq(long v) {
    return v * v;
  }

  /** Row-major index of the nearest target of pixel i, or -1 when there is no target at all. */
  public int nearest(int i) {
    return nearest[i];
  }

  /** Euclidean distance from pixel i to its nearest target ({@code +∞} without targets). */
  public double distance(int i) {
    int j = nearest[i];
    if (j < 0) {
      return Double.POSITIVE_INFINITY;
    }
    long dr = j / w - i / w;
    long dc = j % w - i % w;
    return Math.sqrt((double) (dr * dr + dc * dc));
  }
}
