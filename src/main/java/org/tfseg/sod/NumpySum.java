package org.tfseg.sod;

/**
 * Sums and means in numpy's order (pairwise summation with 8 accumulators, blocks of 128), so that
 * means over whole images round as PySODMetrics' {@code np.mean} does.
 */
final class NumpySum {
  private static final int BLOCK = 128;

  private NumpySum() {}

  static double sum(double[] a) {
    return sum(a, 0, a.length);
  }

  static double sum(double[] a, int from, int n) {
    if (n < 8) {
      double res = 0.0;
      for (int i = 0; i < n; i++) {
        res += a[from + i];
      }
      return res;
    }
    if (n <= BLOCK) {
      double r0 = a[from], r1 = a[from + 1], r2 = a[from + 2], r3 = a[from + 3];
      double r4 = a[from + 4], r5 = a[from + 5], r6 = a[from + 6], r7 = a[from + 7];
      int i = 8;
      for (; i < n - (n % 8); i += 8) {
        r0 += a[from + i];
        r1 += a[from + i + 1];
        r2 += a[from + i + 2];
        r3 += a[from + i + 3];
        r4 += a[from + i + 4];
        r5 += a[from + i + 5];
        r6 += a[from + i + 6];
        r7 += a[from + i + 7];
      }
      double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
      for (; i < n; i++) {
        res += a[from + i];
      }
      return res;
    }
    int n2 = n / 2;
    n2 -= n2 % 8;
    return sum(a, from, n2) + sum(a, from + n2, n - n2);
  }

  /** {@code np.mean}: pairwise sum divided by the count (NaN for an empty array). */
  static double mean(double[] a) {
    return sum(a) / a.length;
  }
}
