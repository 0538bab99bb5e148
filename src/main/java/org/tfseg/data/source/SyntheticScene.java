package org.tfseg.data.source;

import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Renders one synthetic salient-object image and its mask: a textured background with 1–2 textured
 * foreground shapes (ellipse, rectangle, triangle or polygon, rotated, random size).
 *
 * <p>The mask is exact: a pixel is foreground iff its centre lies inside a shape, and the image
 * paints the foreground texture on exactly those pixels (no anti-aliasing). Foreground colours
 * differ from the background by a bounded distance, and both sides carry waves, a gradient and
 * noise, so the task is learnable but not a colour threshold. Only SplitMix64 and {@link
 * StrictMath} are used, so the pixels are the same on every JVM.
 */
final class SyntheticScene {
  private static final double TWO_PI = 2 * Math.PI;

  /** 3-byte BGR image and 8-bit grey mask holding 0 or 255. */
  record Rendered(BufferedImage image, BufferedImage mask) {}

  private SyntheticScene() {}

  static Rendered render(long seed, int height, int width) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] backgroundColour = randomColour(random);
    Texture background = new Texture(random, backgroundColour);
    int shapeCount = random.nextInt(10) < 6 ? 1 : 2;
    List<Shape> shapes = new ArrayList<>();
    List<Texture> textures = new ArrayList<>();
    for (int s = 0; s < shapeCount; s++) {
      shapes.add(randomShape(random, height, width));
      textures.add(new Texture(random, foregroundColour(random, backgroundColour)));
    }
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
    BufferedImage mask = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    byte[] grey = ((DataBufferByte) mask.getRaster().getDataBuffer()).getData();
    int[] owner = new int[height * width]; // 0 = background, s + 1 = shape s (later shapes on top)
    for (int s = 0; s < shapeCount; s++) {
      Rectangle bounds = shapes.get(s).getBounds().intersection(new Rectangle(0, 0, width, height));
      for (int y = bounds.y; y < bounds.y + bounds.height; y++) {
        for (int x = bounds.x; x < bounds.x + bounds.width; x++) {
          if (shapes.get(s).contains(x + 0.5, y + 0.5)) {
            owner[y * width + x] = s + 1;
          }
        }
      }
    }
    double[] rgb = new double[3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int p = y * width + x;
        (owner[p] == 0 ? background : textures.get(owner[p] - 1)).colour(x, y, height, width, rgb);
        for (int c = 0; c < 3; c++) {
          bgr[3 * p + 2 - c] = (byte) Math.round(255 * Math.min(1.0, Math.max(0.0, rgb[c])));
        }
        grey[p] = (byte) (owner[p] == 0 ? 0 : 255);
      }
    }
    return new Rendered(image, mask);
  }

  private static double[] randomColour(SplittableRandom random) {
    return new double[] {
      random.nextDouble(0.1, 0.9), random.nextDouble(0.1, 0.9), random.nextDouble(0.1, 0.9)
    };
  }

  /** A colour at RGB distance 0.3–0.6 from the background: clearly different, not trivially. */
  private static double[] foregroundColour(SplittableRandom random, double[] background) {
    while (true) {
      double[] c = randomColour(random);
      double d =
          Math.sqrt(sq(c[0] - background[0]) + sq(c[1] - background[1]) + sq(c[2] - background[2]));
      if (d >= 0.3 && d <= 0.6) {
        return c;
      }
    }
  }

  private static double sq(double v) {
    return v * v;
  }

  private static Shape randomShape(SplittableRandom random, int height, int width) {
    double size = Math.min(height, width);
    double cx = width * random.nextDouble(0.25, 0.75);
    double cy = height * random.nextDouble(0.25, 0.75);
    double r = size * random.nextDouble(0.12, 0.3);
    double angle = random.nextDouble(TWO_PI);
    Shape local;
    switch (random.nextInt(4)) {
      case 0 -> {
        double rx = r * random.nextDouble(0.6, 1.4);
        double ry = r * random.nextDouble(0.6, 1.4);
        local = new Ellipse2D.Double(-rx, -ry, 2 * rx, 2 * ry);
      }
      case 1 -> {
        double hx = r * random.nextDouble(0.5, 1.2);
        double hy = r * random.nextDouble(0.5, 1.2);
        local = new Rectangle2D.Double(-hx, -hy, 2 * hx, 2 * hy);
      }
      case 2 -> local = polygon(random, r, 3, 0.8, 1.3);
      default -> local = polygon(random, r, 5 + random.nextInt(4), 0.55, 1.15);
    }
    AffineTransform placement = AffineTransform.getTranslateInstance(cx, cy);
    placement.rotate(angle);
    return placement.createTransformedShape(local);
  }

  /** Vertices at increasing angles with jittered radii: star-like when the radii vary a lot. */
  private static Shape polygon(SplittableRandom random, double r, int n, double min, double max) {
    Path2D.Double path = new Path2D.Double();
    for (int i = 0; i < n; i++) {
      double a = TWO_PI * (i + random.nextDouble(-0.3, 0.3)) / n;
      double radius = r * random.nextDouble(min, max);
      double x = radius * StrictMath.cos(a);
      double y = radius * StrictMath.sin(a);
      if (i == 0) {
        path.moveTo(x, y);
      } else {
        path.lineTo(x, y);
      }
    }
    path.closePath();
    return path;
  }

  /** Base colour + 3 coloured sinusoidal waves + a linear gradient + per-pixel noise. */
  private static final class Texture {
    private final double[] base;
    private final double[][] waves = new double[3][]; // fx, fy, phase, amplitude, r, g, b
    private final double[] gradient; // per channel: d/dx, d/dy over the whole image
    private final double noise;
    private final long noiseSeed;

    Texture(SplittableRandom random, double[] base) {
      this.base = base;
      for (int k = 0; k < waves.length; k++) {
        double direction = random.nextDouble(TWO_PI);
        double frequency = 1.0 / random.nextDouble(3.0, 40.0); // cycles per pixel
        waves[k] =
            new double[] {
              frequency * StrictMath.cos(direction),
              frequency * StrictMath.sin(direction),
              random.nextDouble(TWO_PI),
              random.nextDouble(0.03, 0.12),
              random.nextDouble(-1, 1),
              random.nextDouble(-1, 1),
              random.nextDouble(-1, 1)
            };
      }
      gradient = new double[6];
      for (int i = 0; i < 6; i++) {
        gradient[i] = random.nextDouble(-0.15, 0.15);
      }
      noise = random.nextDouble(0.01, 0.06);
      noiseSeed = random.nextLong();
    }

    void colour(int x, int y, int height, int width, double[] rgb) {
      double u = (double) x / width - 0.5;
      double v = (double) y / height - 0.5;
      for (int c = 0; c < 3; c++) {
        rgb[c] = base[c] + gradient[2 * c] * u + gradient[2 * c + 1] * v;
      }
      for (double[] w : waves) {
        double s = w[3] * StrictMath.sin(TWO_PI * (w[0] * x + w[1] * y) + w[2]);
        rgb[0] += s * w[4];
        rgb[1] += s * w[5];
        rgb[2] += s * w[6];
      }
      long h = noiseSeed ^ ((long) y << 32 | x);
      for (int c = 0; c < 3; c++) {
        h = mix(h + 0x9E3779B97F4A7C15L);
        rgb[c] += noise * ((h >>> 11) * 0x1.0p-53 * 2 - 1);
      }
    }

    /** SplitMix64's finaliser: a position-keyed hash, so noise needs no draw order. */
    private static long mix(long z) {
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      return z ^ (z >>> 31);
    }
  }
}
