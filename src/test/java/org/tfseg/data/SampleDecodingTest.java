package org.tfseg.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.types.TFloat32;
import org.tfseg.testing.SharedData;

/** Decoding and resizing as seen through the pipeline, against independently computed values. */
class SampleDecodingTest {
  @TempDir Path tmp;

  private static float[] flat(TFloat32 t) {
    float[] out = new float[(int) t.size()];
    int[] i = {0};
    t.scalars().forEach(s -> out[i[0]++] = s.getFloat());
    return out;
  }

  /** Runs one unshuffled batch holding the single pair at size h×w; returns {images, masks}. */
  private static float[][] decode(Path image, Path mask, int h, int w) {
    PipelineOptions opts = new PipelineOptions(h, w, 1, false, 0, 1, 0, false);
    try (InputPipeline p = new InputPipeline(List.of(new SamplePair("x", image, mask)), opts);
        BatchIterator it = p.epoch(0);
        Batch b = it.next()) {
      return new float[][] {flat(b.images()), flat(b.masks())};
    }
  }

  private static int piLuma(int r, int g, int b) {
    return (r * 19595 + g * 38470 + b * 7471 + 32768) >> 16;
  }

  private Path write(BufferedImage img, String name) throws IOException {
    Path file = tmp.resolve(name);
    assertTrue(ImageIO.write(img, "png", file.toFile()));
    return file;
  }

  @Test
  void resizeIsBilinearWithHalfPixelCentres() throws IOException {
    BufferedImage img = new BufferedImage(2, 1, BufferedImage.TYPE_3BYTE_BGR);
    img.setRGB(1, 0, 0xFFFFFF);
    BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
    grey.getRaster().setSample(1, 0, 0, 255);
    float[][] out = decode(write(img, "i.png"), write(grey, "m.png"), 1, 4);
    // half_pixel_centers: source x = (i + 0.5) / 2 - 0.5 = -0.25, 0.25, 0.75, 1.25 (clamped).
    // align_corners would give 1/3, 2/3 in the middle; the legacy mode 0, 0.5, 1, 1.
    float[] expected = {0f, 0.25f, 0.75f, 1f};
    assertArrayEquals(expected, out[1], 1e-6f);
    for (int c = 0; c < 3; c++) {
      for (int x = 0; x < 4; x++) {
        assertEquals(expected[x], out[0][x * 3 + c], 1e-6f);
      }
    }
  }

  @Test
  void masksBecomeGreyAsPilConvertL() throws IOException {
    int[] rgb = {0x000000, 0xFF0000, 0x00FF00, 0x0000FF, 0x808080, 0xFFFFFF, 0x123456, 0xFFFF00};
    BufferedImage image = new BufferedImage(rgb.length, 1, BufferedImage.TYPE_3BYTE_BGR);
    BufferedImage rgbMask = new BufferedImage(rgb.length, 1, BufferedImage.TYPE_3BYTE_BGR);
    BufferedImage rgbaMask = new BufferedImage(rgb.length, 1, BufferedImage.TYPE_4BYTE_ABGR);
    byte[] r = new byte[rgb.length];
    byte[] g = new byte[rgb.length];
    byte[] b = new byte[rgb.length];
    BufferedImage paletteMask =
        new BufferedImage(rgb.length, 1, BufferedImage.TYPE_BYTE_INDEXED, paletteOf(rgb, r, g, b));
    float[] expected = new float[rgb.length];
    for (int x = 0; x < rgb.length; x++) {
      image.setRGB(x, 0, rgb[x]);
      rgbMask.setRGB(x, 0, rgb[x]);
      rgbaMask.setRGB(x, 0, rgb[x] | (x * 30) << 24); // alpha is ignored, as PIL does
      paletteMask.getRaster().setSample(x, 0, 0, x);
      expected[x] = piLuma(rgb[x] >> 16 & 255, rgb[x] >> 8 & 255, rgb[x] & 255) / 255f;
    }
    Path img = write(image, "i.png");
    assertArrayEquals(expected, decode(img, write(rgbMask, "rgb.png"), 1, rgb.length)[1], 1e-7f);
    assertArrayEquals(expected, decode(img, write(rgbaMask, "rgba.png"), 1, rgb.length)[1], 1e-7f);
    // A palette mask gives the grey of its palette colours, not the palette indices.
    assertArrayEquals(expected, decode(img, write(paletteMask, "p.png"), 1, rgb.length)[1], 1e-7f);
    float[] pixels = decode(img, write(rgbMask, "rgb2.png"), 1, rgb.length)[0];
    for (int x = 0; x < rgb.length; x++) {
      assertEquals((rgb[x] >> 16 & 255) / 255f, pixels[3 * x], 1e-7f, "red, in RGB order");
      assertEquals((rgb[x] & 255) / 255f, pixels[3 * x + 2], 1e-7f, "blue");
    }
  }

  private static IndexColorModel paletteOf(int[] rgb, byte[] r, byte[] g, byte[] b) {
    for (int i = 0; i < rgb.length; i++) {
      r[i] = (byte) (rgb[i] >> 16);
      g[i] = (byte) (rgb[i] >> 8);
      b[i] = (byte) rgb[i];
    }
    return new IndexColorModel(8, rgb.length, r, g, b);
  }

  @Test
  void realOneBitMaskAndJpegAtNativeSizeMatchImageIo() throws IOException {
    SamplePair pair = SharedData.sod(1).get(0);
    BufferedImage mask = ImageIO.read(pair.mask().toFile());
    BufferedImage image = ImageIO.read(pair.image().toFile());
    int h = mask.getHeight();
    int w = mask.getWidth();
    float[][] out = decode(pair.image(), pair.mask(), h, w);
    int salient = 0;
    double imageError = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        boolean on = (mask.getRGB(x, y) & 0xFFFFFF) != 0;
        salient += on ? 1 : 0;
        assertEquals(on ? 1f : 0f, out[1][y * w + x], "mask pixel " + x + "," + y);
        int argb = image.getRGB(x, y);
        for (int c = 0; c < 3; c++) {
          int v = argb >> (16 - 8 * c) & 255;
          imageError += Math.abs(v / 255.0 - out[0][(y * w + x) * 3 + c]);
        }
      }
    }
    double fraction = salient / (double) (h * w);
    assertTrue(fraction > 0.01 && fraction < 0.99, "both classes present: " + fraction);
    // libjpeg (TF) and the JDK decoder may differ by a level or two, never more on average.
    assertTrue(imageError / (h * w * 3) < 2.0 / 255, "mean |TF - ImageIO| " + imageError);
  }
}
