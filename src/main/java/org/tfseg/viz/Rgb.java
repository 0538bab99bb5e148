package org.tfseg.viz;

/** Packed {@code 0xRRGGBB} colours. */
final class Rgb {
  private Rgb() {}

  /** {@code (1 − t)·a + t·b}, per channel, rounded. */
  static int mix(int a, int b, double t) {
    int out = 0;
    for (int shift = 16; shift >= 0; shift -= 8) {
      int ca = (a >> shift) & 0xff;
      int cb = (b >> shift) & 0xff;
      out |= (int) Math.round((1 - t) * ca + t * cb) << shift;
    }
    return out;
  }

  static int grey(int v) {
    return (v << 16) | (v << 8) | v;
  }

  /** {@code round(255·v)} of {@code v} clamped to [0, 1] (NaN as 0). */
  static int byteOf(float v) {
    return Math.round(255f * Math.min(1f, Math.max(0f, Float.isNaN(v) ? 0f : v)));
  }
}
