package org.tfseg.export;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes a predicted mask as an 8-bit grey PNG: a probability map as {@code round(255·p)}, a
 * C-class map as the arg-max class index.
 */
public final class MaskPng {
  private MaskPng() {}

  public static void write(Mask mask, boolean minMaxNormalise, Path file) throws IOException {
    ImageIO.write(image(mask, minMaxNormalise), "png", file.toFile());
  }

  /** The 8-bit grey image {@link #write} stores. */
  public static BufferedImage image(Mask mask, boolean minMaxNormalise) {
    return greyImage(mask.width(), mask.height(), grey(mask, minMaxNormalise));
  }

  /** An 8-bit grey image of {@code values} (0..255, row-major). */
  public static BufferedImage greyImage(int width, int height, int[] values) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    img.getRaster().setSamples(0, 0, width, height, 0, values);
    return img;
  }

  /**
   * The 8-bit grey values {@link #write} stores, row-major: what a scorer reading the PNG sees, so
   * scoring these equals scoring the written file.
   */
  public static int[] grey(Mask mask, boolean minMaxNormalise) {
    int c = mask.channels();
    float[] v = mask.values();
    float lo = 0f;
    float hi = 1f;
    if (c == 1 && minMaxNormalise) {
      lo = Float.POSITIVE_INFINITY;
      hi = Float.NEGATIVE_INFINITY;
      for (float f : v) {
        lo = Math.min(lo, f);
        hi = Math.max(hi, f);
      }
      if (hi <= lo) {
        lo = 0f;
        hi = 1f;
      }
    }
    int[] out = new int[mask.height() * mask.width()];
    for (int p = 0; p < out.length; p++) {
      int i = p * c;
      if (c == 1) {
        out[p] = Math.round(255f * Math.min(1f, Math.max(0f, (v[i] - lo) / (hi - lo))));
      } else {
        int best = 0;
        for (int k = 1; k < c; k++) {
          if (v[i + k] > v[i + best]) {
            best = k;
          }
        }
        out[p] = best;
      }
    }
    return out;
  }
}
