package org.tfseg.data;

/** Float64 RGB ↔ HSV (OpenCV's float convention: hue in degrees, s and v in [0, 1]). */
final class ColourReference {
  private ColourReference() {}

  /** Albumentations' {@code _shift_hsv_non_uint8}: hue mod 360, s and v clipped to [0, 1]. */
  static double[] shift(double[] rgb, double dh, double ds, double dv) {
    double r = rgb[0];
    double g = rgb[1];
    double b = rgb[2];
    double v = Math.max(r, Math.max(g, b));
    double min = Math.min(r, Math.min(g, b));
    double d = v - min;
    double s = v == 0 ? 0 : d / v;
    double h;
    if (d == 0) {
      h = 0;
    } else if (v == r) {
      h = 60 * (g - b) / d;
    } else if (v == g) {
      h = 120 + 60 * (b - r) / d;
    } else {
      h = 240 + 60 * (r - g) / d;
    }
    h = ((h + dh) % 360 + 360) % 360;
    s = Math.min(Math.max(s + ds, 0), 1);
    v = Math.min(Math.max(v + dv, 0), 1);
    double c = v * s;
    double hp = h / 60;
    double x = c * (1 - Math.abs(hp % 2 - 1));
    double[] out =
        hp < 1
            ? new double[] {c, x, 0}
            : hp < 2
                ? new double[] {x, c, 0}
                : hp < 3
                    ? new double[] {0, c, x}
                    : hp < 4
                        ? new double[] {0, x, c}
                        : hp < 5 ? new double[] {x, 0, c} : new double[] {c, 0, x};
    double m = v - c;
    return new double[] {out[0] + m, out[1] + m, out[2] + m};
  }
}
