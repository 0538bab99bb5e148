package org.tfseg.sod;

import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.tfseg.UserError;
import org.tfseg.config.DataConfig;
import org.tfseg.data.ImageHeader;

/**
 * An 8-bit grey image (values 0..255, row-major), read as PIL's {@code Image.open(f).convert("L")}
 * would give it.
 *
 * <p>Conversion: grey is kept; grey+alpha keeps the grey; RGB and RGBA use Pillow's fixed-point
 * ITU-R 601-2 luma {@code L = (19595·R + 38470·G + 7471·B + 0x8000) >> 16} (Pillow's {@code L24};
 * alpha ignored); palette images map each index through the palette, then the same formula;
 * 1/2/4-bit grey images are scaled to 0..255 (1-bit: 0/255). 16-bit images are refused: PIL would
 * clip them to 255, which is never what a mask or prediction means.
 */
public record GreyImage(int width, int height, int[] values) {
  public GreyImage {
    if (width <= 0 || height <= 0 || values.length != width * height) {
      throw new IllegalArgumentException(width + "x" + height + " vs " + values.length);
    }
  }

  public static GreyImage read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new UserError(file + ": no such file");
    }
    // complete, a known kind and of a sane size before ImageIO allocates for it
    ImageHeader.read(file, DataConfig.DEFAULT_MAX_IMAGE_PIXELS, "the pixel limit");
    BufferedImage img;
    try {
      img = ImageIO.read(file.toFile());
    } catch (IOException | RuntimeException e) {
      throw new UserError(file + ": unreadable image (" + e.getMessage() + ")", e);
    }
    if (img == null) {
      throw new UserError(file + ": not an image format Java ImageIO can read");
    }
    return fromBufferedImage(img, file.toString());
  }

  static GreyImage fromBufferedImage(BufferedImage img, String name) {
    int w = img.getWidth();
    int h = img.getHeight();
    Raster raster = img.getRaster();
    ColorModel cm = img.getColorModel();
    int[] out = new int[w * h];
    if (cm instanceof IndexColorModel icm) {
      int[] idx = raster.getSamples(0, 0, w, h, 0, (int[]) null);
      for (int i = 0; i < out.length; i++) {
        out[i] = luma(icm.getRed(idx[i]), icm.getGreen(idx[i]), icm.getBlue(idx[i]));
      }
      return new GreyImage(w, h, out);
    }
    int bands = raster.getNumBands();
    for (int b = 0; b < bands; b++) {
      if (raster.getSampleModel().getSampleSize(b) != 8) {
        throw new UserError(
            name
                + ": "
                + raster.getSampleModel().getSampleSize(b)
                + "-bit samples are not supported; save it as an 8-bit image");
      }
    }
    if (bands == 1 || bands == 2) {
      raster.getSamples(0, 0, w, h, 0, out);
      return new GreyImage(w, h, out);
    }
    if (bands == 3 || bands == 4) {
      int[] r = raster.getSamples(0, 0, w, h, 0, (int[]) null);
      int[] g = raster.getSamples(0, 0, w, h, 1, (int[]) null);
      int[] bl = raster.getSamples(0, 0, w, h, 2, (int[]) null);
      for (int i = 0; i < out.length; i++) {
        out[i] = luma(r[i], g[i], bl[i]);
      }
      return new GreyImage(w, h, out);
    }
    throw new UserError(name + ": unsupported image with " + bands + " channels");
  }

  /** Pillow's {@code L24(rgb) >> 16}. */
  static int luma(int r, int g, int b) {
    return (r * 19595 + g * 38470 + b * 7471 + 0x8000) >> 16;
  }
}
