package org.tfseg.sod;

/** Conversion of 8-bit grey masks and predictions into PySODMetrics' inputs. */
public final class SodInputs {
  private SodInputs() {}

  /** {@code gt = value > 128}. */
  public static boolean[] mask(int[] grey) {
    boolean[] gt = new boolean[grey.length];
    for (int i = 0; i < grey.length; i++) {
      gt[i] = grey[i] > 128;
    }
    return gt;
  }

  /**
   * {@code p = value / 255}, then {@code (p − min) / (max − min)} unless the prediction is constant
   * (a constant prediction is kept as it is).
   */
  public static double[] prediction(int[] grey) {
    double[] p = new double[grey.length];
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < grey.length; i++) {
      p[i] = grey[i] / 255.0;
      min = Math.min(min, p[i]);
      max = Math.max(max, p[i]);
    }
    if (max != min) {
      double range = max - min;
      for (int i = 0; i < p.length; i++) {
        p[i] = (p[i] - min) / range;
      }
    }
    return p;
  }
}
