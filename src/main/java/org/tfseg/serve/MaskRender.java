package org.tfseg.serve;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.tfseg.export.Mask;

/**
 * A mask as the PNG the {@code :segment} endpoint answers, at the image's own size: {@code binary}
 * (grey, 255 on foreground: probability over 0.5, or a class other than 0), {@code probability}
 * (grey, {@code round(255·p)} of the foreground: p, or 1 − p(class 0)) or {@code color} (RGBA, each
 * class in the PASCAL VOC palette, background transparent: ready to draw over the image).
 */
enum MaskRender {
  BINARY,
  PROBABILITY,
  COLOR;

  static MaskRender parse(String name) {
    if (name == null) {
      return BINARY;
    }
    try {
      return valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ClientError.badRequest("format '" + name + "': expected binary, probability or color");
    }
  }

  byte[] png(Mask m) {
    int n = m.height() * m.width();
    BufferedImage img =
        new BufferedImage(
            m.width(),
            m.height(),
            this == COLOR ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_BYTE_GRAY);
    if (this == COLOR) {
      int[] argb = new int[n];
      for (int p = 0; p < n; p++) {
        int k = classOf(m, p);
        argb[p] = k == 0 ? 0 : 0xff000000 | voc(k);
      }
      img.setRGB(0, 0, m.width(), m.height(), argb, 0, m.width());
    } else {
      int[] grey = new int[n];
      for (int p = 0; p < n; p++) {
        grey[p] =
            this == BINARY
                ? (classOf(m, p) == 0 ? 0 : 255)
                : Math.round(255f * Math.min(1f, Math.max(0f, foreground(m, p))));
      }
      img.getRaster().setSamples(0, 0, m.width(), m.height(), 0, grey);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** Pixel {@code p}'s class: 1 when its probability is over 0.5 (one channel), else arg-max. */
  static int classOf(Mask m, int p) {
    int c = m.channels();
    float[] v = m.values();
    if (c == 1) {
      return v[p] > 0.5f ? 1 : 0;
    }
    int best = 0;
    for (int k = 1; k < c; k++) {
      if (v[p * c + k] > v[p * c + best]) {
        best = k;
      }
    }
    return best;
  }

  private static float foreground(Mask m, int p) {
    return m.channels() == 1 ? m.values()[p] : 1f - m.values()[p * m.channels()];
  }

  /** Class {@code k}'s colour in the PASCAL VOC palette (bit-interleaved), {@code 0xRRGGBB}. */
  static int voc(int k) {
    int r = 0;
    int g = 0;
    int b = 0;
    for (int shift = 7, c = k; c > 0 && shift >= 0; shift--, c >>= 3) {
      r |= (c & 1) << shift;
      g |= ((c >> 1) & 1) << shift;
      b |= ((c >> 2) & 1) << shift;
    }
    return (r << 16) | (g << 8) | b;
  }
}
