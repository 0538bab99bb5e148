package org.tfseg.viz;

/**
 * A perceptually ordered heat colour map for errors in [0, 1]: matplotlib's {@code inferno} (black
 * → purple → orange → pale yellow), interpolated linearly between its eleven deciles.
 */
public final class Heat {
  private static final int[] DECILES = {
    0x000004, 0x160b39, 0x420a68, 0x6a176e, 0x932667, 0xbc3754, 0xdd513a, 0xf37819, 0xfca50a,
    0xf6d746, 0xfcffa4
  };

  private Heat() {}

  /** The colour of {@code v} (clamped to [0, 1]; NaN as 0) as {@code 0xRRGGBB}. */
  public static int rgb(double v) {
    double t = Double.isNaN(v) ? 0 : Math.min(1, Math.max(0, v)) * (DECILES.length - 1);
    int i = Math.min(DECILES.length - 2, (int) t);
    return Rgb.mix(DECILES[i], DECILES[i + 1], t - i);
  }
}
