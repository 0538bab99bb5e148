package org.tfseg.viz;

import java.awt.image.BufferedImage;
import java.util.function.IntUnaryOperator;

/**
 * Per-pixel values made into RGB images, row-major {@code height × width}: photographs, grey maps,
 * palette-coloured classes, heat-mapped errors, colour overlays and nearest-neighbour resampling.
 */
public final class RgbImages {
  private RgbImages() {}

  /** {@code [h, w, channels]} values in [0, 1]: RGB from the first three channels, or grey. */
  public static BufferedImage photo(float[] hwc, int height, int width, int channels) {
    return of(
        height,
        width,
        p -> {
          int at = p * channels;
          if (channels < 3) {
            return Rgb.grey(Rgb.byteOf(hwc[at]));
          }
          return (Rgb.byteOf(hwc[at]) << 16)
              | (Rgb.byteOf(hwc[at + 1]) << 8)
              | Rgb.byteOf(hwc[at + 2]);
        });
  }

  /** One value in [0, 1] per pixel as grey {@code round(255·v)}. */
  public static BufferedImage grey(float[] values, int height, int width) {
    return of(height, width, p -> Rgb.grey(Rgb.byteOf(values[p])));
  }

  /** Each pixel in its class' colour. */
  public static BufferedImage classes(ClassMap map, IntUnaryOperator colours) {
    return of(map.height(), map.width(), p -> colours.applyAsInt(map.classes()[p]));
  }

  /** One value in [0, 1] per pixel in its {@link Heat} colour. */
  public static BufferedImage heat(float[] values, int height, int width) {
    return of(height, width, p -> Heat.rgb(values[p]));
  }

  /**
   * {@code base} with each foreground pixel of {@code map} in its class colour: blended {@code (1 −
   * alpha)·pixel + alpha·colour} inside a region, solid on its outline (a pixel with a 4-neighbour
   * of another class). Background pixels are left exactly as they are.
   */
  public static BufferedImage overlay(
      BufferedImage base, ClassMap map, IntUnaryOperator colours, double alpha) {
    int w = map.width();
    return of(
        map.height(),
        w,
        p -> {
          int rgb = base.getRGB(p % w, p / w) & 0xffffff;
          if (!map.foreground(p)) {
            return rgb;
          }
          int colour = colours.applyAsInt(map.classes()[p]);
          return map.outline(p) ? colour : Rgb.mix(rgb, colour, alpha);
        });
  }

  /**
   * {@code img} resampled to {@code width × height} by nearest neighbour: output pixel {@code (x,
   * y)} is input pixel {@code (⌊x·w/width⌋, ⌊y·h/height⌋)}, so a whole-number enlargement repeats
   * each pixel as a block.
   */
  public static BufferedImage resized(BufferedImage img, int width, int height) {
    long w = img.getWidth();
    long h = img.getHeight();
    return of(
        height,
        width,
        p -> img.getRGB((int) (p % width * w / width), (int) (p / width * h / height)) & 0xffffff);
  }

  /** An image whose pixel {@code p} (row-major) has the colour {@code rgb.applyAsInt(p)}. */
  private static BufferedImage of(int height, int width, IntUnaryOperator rgb) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] row = new int[width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        row[x] = rgb.applyAsInt(y * width + x);
      }
      img.setRGB(0, y, width, 1, row, 0, width);
    }
    return img;
  }
}
