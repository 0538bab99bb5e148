package org.tfseg.viz;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.tfseg.UserError;

/**
 * An input image decoded in Java as the model's decoder sees it: RGB with any alpha dropped, grey
 * replicated to three channels from the stored samples (no colour-space conversion).
 */
public final class InputImage {
  private InputImage() {}

  /**
   * @throws UserError if the file cannot be decoded or is not {@code width × height}
   */
  public static BufferedImage read(Path image, int width, int height) {
    BufferedImage read;
    try {
      read = ImageIO.read(image.toFile());
    } catch (IOException e) {
      throw new UserError(image + ": cannot decode image: " + e.getMessage(), e);
    }
    if (read == null) {
      throw new UserError(image + ": cannot decode image (no Java image reader for it)");
    }
    if (read.getWidth() != width || read.getHeight() != height) {
      throw new UserError(
          String.format(
              "%s: decoded as %dx%d, but the model's decoder saw %dx%d",
              image, read.getWidth(), read.getHeight(), width, height));
    }
    Raster raster = read.getRaster();
    boolean grey = raster.getNumBands() <= 2 && read.getColorModel().getNumColorComponents() == 1;
    int bits = raster.getSampleModel().getSampleSize(0);
    BufferedImage rgb = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        rgb.setRGB(
            x,
            y,
            grey
                ? Rgb.grey(to8Bits(raster.getSample(x, y, 0), bits))
                : read.getRGB(x, y) & 0xffffff);
      }
    }
    return rgb;
  }

  /** A grey sample of {@code bits} bits on 0..255. */
  private static int to8Bits(int sample, int bits) {
    return bits == 8 ? sample : bits > 8 ? sample >> (bits - 8) : sample * 255 / ((1 << bits) - 1);
  }
}
