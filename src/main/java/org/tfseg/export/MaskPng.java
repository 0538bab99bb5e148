package org.tfseg.export;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes a predicted mask as an 8-bit grey PNG: a probability map as {@code round(255·p)}, a
 * C-class map as the arg-max class index.
 */
public final class MaskPng {
  private MaskPng() {}

  public static void write(SavedModelPredictor.Mask mask, boolean minMaxNormalise, Path file) throws IOException {
    int h = mask.height();
    int w = mask.width();
    int c = mask.channels();
    float[] v = mask.values();
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster raster = img.getRaster();
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
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        int i = (y * w + x) * c;
        int value;
        if (c == 1) {
          value = Math.round(255f * Math.min(1f, Math.max(0f, (v[i] - lo) / (hi - lo))));
        } else {
          int best = 0;
          for (int k = 1; k < c; k++) {
            if (v[i + k] > v[i + best]) {
              best = k;
            }
          }
          value = best;
        }
        raster.setSample(x, y, 0, value);
      }
    }
    ImageIO.write(img, "png", file.toFile());
  }
}
