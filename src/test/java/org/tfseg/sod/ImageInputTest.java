package org.tfseg.sod;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.UserError;
import org.tfseg.testing.SharedData;

/** PNG decoding as PIL's convert("L"), and PIL's bilinear resize. */
class ImageInputTest {
  @TempDir Path tmp;

  @Test
  void rgbUsesPillowFixedPointLuma() throws Exception {
    BufferedImage img = new BufferedImage(4, 1, BufferedImage.TYPE_INT_RGB);
    img.setRGB(0, 0, 0xff0000);
    img.setRGB(1, 0, 0x00ff00);
    img.setRGB(2, 0, 0x0000ff);
    img.setRGB(3, 0, 0x808080);
    Path f = tmp.resolve("rgb.png");
    ImageIO.write(img, "png", f.toFile());
    // Pillow: red 76, green 150 (the old /1000 formula gave 149), blue 29; grey stays grey.
    assertArrayEquals(new int[] {76, 150, 29, 128}, GreyImage.read(f).values());
  }

  @Test
  void paletteAndOneBitImagesAreMappedThroughTheirColours() throws Exception {
    byte[] r = {0, (byte) 255, 0};
    byte[] g = {0, 0, (byte) 255};
    byte[] b = {0, 0, 0};
    BufferedImage pal =
        new BufferedImage(
            3, 1, BufferedImage.TYPE_BYTE_INDEXED, new IndexColorModel(8, 3, r, g, b));
    pal.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {2, 1, 0});
    Path p = tmp.resolve("pal.png");
    ImageIO.write(pal, "png", p.toFile());
    assertArrayEquals(new int[] {150, 76, 0}, GreyImage.read(p).values());

    BufferedImage bit = new BufferedImage(3, 1, BufferedImage.TYPE_BYTE_BINARY);
    bit.getRaster().setSamples(0, 0, 3, 1, 0, new int[] {1, 0, 1});
    Path q = tmp.resolve("bit.png");
    ImageIO.write(bit, "png", q.toFile());
    assertArrayEquals(new int[] {255, 0, 255}, GreyImage.read(q).values());
  }

  @Test
  void goldenRgbMaskReadsAsGrey() {
    Path mask =
        SharedData.dir("sod-metrics-golden").resolve("masks").resolve("aerial-1867541__340.png");
    GreyImage m = GreyImage.read(mask);
    assertEquals(605, m.width());
    assertEquals(340, m.height());
  }

  @Test
  void sixteenBitAndGarbageAreUserErrors() throws Exception {
    BufferedImage img = new BufferedImage(2, 2, BufferedImage.TYPE_USHORT_GRAY);
    Path f = tmp.resolve("deep.png");
    ImageIO.write(img, "png", f.toFile());
    UserError e = assertThrows(UserError.class, () -> GreyImage.read(f));
    assertTrue(
        e.getMessage().contains("deep.png") && e.getMessage().contains("16-bit"), e.getMessage());
    Path junk = Files.writeString(tmp.resolve("junk.png"), "not a png");
    UserError e2 = assertThrows(UserError.class, () -> GreyImage.read(junk));
    assertTrue(e2.getMessage().contains("junk.png"), e2.getMessage());
  }

  @Test
  void bilinearMatchesPillowOnHandComputedCases() {
    // Downscale 2→1: support 2, weights ½ ½ → 127.5 rounds up to 128 in Pillow's fixed point.
    assertArrayEquals(
        new int[] {128},
        PilBilinear.resize(new GreyImage(2, 1, new int[] {0, 255}), 1, 1).values());
    // Upscale 2→4: centres 0.25, 0.75, 1.25, 1.75 → 0, ¼·255 = 63.75 → 64, 191.25 → 191, 255.
    assertArrayEquals(
        new int[] {0, 64, 191, 255},
        PilBilinear.resize(new GreyImage(2, 1, new int[] {0, 255}), 4, 1).values());
    // The same vertically.
    assertArrayEquals(
        new int[] {0, 64, 191, 255},
        PilBilinear.resize(new GreyImage(1, 2, new int[] {0, 255}), 1, 4).values());
  }

  @Test
  void downscalingAveragesRatherThanSampling() {
    // 4→2 widens the triangle to support 2. Output 0: centre 1.0, taps 0..2 with weights
    // triangle((x + 0.5 − 1) / 2) = 0.75, 0.75, 0.25 (normalised by 1.75). Point-sampling
    // bilinear (OpenCV) would give 127.5 for output 1 instead of 109.
    int[] v = PilBilinear.resize(new GreyImage(4, 1, new int[] {0, 0, 0, 255}), 2, 1).values();
    assertEquals(0, v[0]);
    // output 1: centre 3.0, taps 1..3 with weights 0.25, 0.75, 0.75 → 255 · 0.75 / 1.75 = 109.29
    assertEquals(109, v[1]);
  }
}
