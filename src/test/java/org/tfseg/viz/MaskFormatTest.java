package org.tfseg.viz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.UserError;
import org.tfseg.export.Mask;
import org.tfseg.export.MaskPng;

class MaskFormatTest {
  private static final int H = 3;
  private static final int W = 4;
  private static final Supplier<BufferedImage> NO_PHOTO =
      () -> {
        throw new AssertionError("only the overlay reads the image");
      };

  /** A one-channel mask: p = i / 11 for pixel i, so pixels 6..11 are foreground. */
  private static Mask binary() {
    float[] p = new float[H * W];
    for (int i = 0; i < p.length; i++) {
      p[i] = i / 11f;
    }
    return new Mask(H, W, 1, p);
  }

  /** A three-class mask whose pixel i has the arg-max i mod 3. */
  private static Mask threeClasses() {
    float[] p = new float[H * W * 3];
    for (int i = 0; i < H * W; i++) {
      p[i * 3 + i % 3] = 0.8f;
      p[i * 3 + (i + 1) % 3] = 0.15f;
      p[i * 3 + (i + 2) % 3] = 0.05f;
    }
    return new Mask(H, W, 3, p);
  }

  /** Pixel i has the colour (20 i, 255 − 20 i, 7). */
  private static BufferedImage photo() {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    for (int i = 0; i < H * W; i++) {
      img.setRGB(i % W, i / W, (20 * i << 16) | ((255 - 20 * i) << 8) | 7);
    }
    return img;
  }

  private static int[] samples(BufferedImage img) {
    return img.getRaster().getSamples(0, 0, W, H, 0, (int[]) null);
  }

  private static int rgb(BufferedImage img, int i) {
    return img.getRGB(i % W, i / W) & 0xffffff;
  }

  @Test
  void probabilityIsTodaysGreyOutputWithAndWithoutMinMax() {
    for (Mask m : List.of(binary(), threeClasses())) {
      for (boolean minMax : new boolean[] {false, true}) {
        BufferedImage img = MaskFormat.PROBABILITY.render(m, minMax, NO_PHOTO);
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType());
        assertArrayEquals(MaskPng.grey(m, minMax), samples(img));
      }
    }
  }

  @Test
  void binaryIsOnly0Or255ThresholdedAtHalf() {
    int[] v = samples(MaskFormat.BINARY.render(binary(), false, NO_PHOTO));
    for (int i = 0; i < v.length; i++) {
      assertEquals(i / 11f > 0.5f ? 255 : 0, v[i], "pixel " + i);
    }
    int[] classes = samples(MaskFormat.BINARY.render(threeClasses(), false, NO_PHOTO));
    for (int i = 0; i < classes.length; i++) {
      assertEquals(i % 3 == 0 ? 0 : 255, classes[i], "multi-class: foreground is not class 0");
    }
  }

  @Test
  void colorUsesThePaletteForBothKinds() {
    BufferedImage one = MaskFormat.COLOR.render(binary(), false, NO_PHOTO);
    BufferedImage three = MaskFormat.COLOR.render(threeClasses(), false, NO_PHOTO);
    for (int i = 0; i < H * W; i++) {
      assertEquals(i >= 6 ? Palette.FOREGROUND : 0x000000, rgb(one, i), "binary pixel " + i);
      assertEquals(Palette.rgb(i % 3), rgb(three, i), "three-class pixel " + i);
    }
    assertNotEquals(rgb(three, 1), rgb(three, 2), "classes 1 and 2 are told apart");
  }

  /** Whether a 4-neighbour of pixel i has another class. */
  private static boolean outline(int[] classes, int i) {
    int x = i % W;
    int y = i / W;
    for (int[] d : new int[][] {{-1, 0}, {1, 0}, {0, -1}, {0, 1}}) {
      int nx = x + d[0];
      int ny = y + d[1];
      if (nx >= 0 && nx < W && ny >= 0 && ny < H && classes[ny * W + nx] != classes[i]) {
        return true;
      }
    }
    return false;
  }

  @Test
  void overlayChangesTheImageOnlyOnForeground() {
    BufferedImage photo = photo();
    int blended = 0;
    for (Mask m : List.of(binary(), threeClasses())) {
      BufferedImage img = MaskFormat.OVERLAY.render(m, false, () -> photo);
      int[] classes = ClassMap.ofProbabilities(m.values(), H, W, m.channels()).classes();
      for (int i = 0; i < H * W; i++) {
        int c = classes[i];
        int colour = m.channels() == 1 ? Palette.FOREGROUND : Palette.rgb(c);
        if (c == 0) {
          assertEquals(rgb(photo, i), rgb(img, i), "background pixel " + i + " untouched");
        } else if (outline(classes, i)) {
          assertEquals(colour, rgb(img, i), "outline pixel " + i + " in the class colour");
        } else {
          assertEquals(Rgb.mix(rgb(photo, i), colour, MaskFormat.ALPHA), rgb(img, i), "pixel " + i);
          assertNotEquals(rgb(photo, i), rgb(img, i), "foreground pixel " + i + " tinted");
          blended++;
        }
      }
    }
    assertEquals(2, blended, "pixels 10 and 11 of the binary mask are inside its region");
  }

  @Test
  void formatNamesAndOptionErrors(@TempDir Path tmp) throws Exception {
    assertEquals(MaskFormat.PROBABILITY, MaskFormat.parse(null));
    assertEquals(MaskFormat.OVERLAY, MaskFormat.parse("overlay"));
    UserError bad = assertThrows(UserError.class, () -> MaskFormat.parse("colour"));
    assertEquals(
        "--format: expected probability | binary | color | overlay, got 'colour'",
        bad.getMessage());
    Path image = tmp.resolve("a.png");
    ImageIO.write(photo(), "png", image.toFile());
    List<Path> images = List.of(image);
    assertThrows(UserError.class, () -> new MaskFiles(images, MaskFormat.COLOR, true));
  }

  @Test
  void inputsSharingABaseNameGetDistinctMasks(@TempDir Path tmp) throws Exception {
    Path png = tmp.resolve("a.png");
    Path jpg = tmp.resolve("a.jpg");
    Path b = tmp.resolve("b.png");
    for (Path p : List.of(png, jpg, b)) {
      ImageIO.write(photo(), p.toString().endsWith("jpg") ? "jpg" : "png", p.toFile());
    }
    MaskFiles files = new MaskFiles(List.of(jpg, png, b), MaskFormat.BINARY, false);
    assertEquals(List.of("a.jpg.png", "a.png.png", "b.png"), List.copyOf(files.targets().values()));
    assertEquals(List.of(jpg, png), files.renamed());
    Path clash = tmp.resolve("a.jpg.png");
    ImageIO.write(photo(), "png", clash.toFile());
    UserError e =
        assertThrows(
            UserError.class,
            () -> new MaskFiles(List.of(jpg, clash, png), MaskFormat.BINARY, false));
    assertEquals(
        clash + ": its mask would be a.jpg.png, as that of " + jpg + "; rename one of them",
        e.getMessage());
  }

  @Test
  void inputImagesAreReadAsTheDecoderSeesThem(@TempDir Path tmp) throws Exception {
    BufferedImage grey = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
    int[] values = new int[H * W];
    for (int i = 0; i < values.length; i++) {
      values[i] = 20 * i + 3;
    }
    grey.getRaster().setSamples(0, 0, W, H, 0, values);
    Path file = tmp.resolve("grey.png");
    ImageIO.write(grey, "png", file.toFile());
    BufferedImage read = InputImage.read(file, W, H);
    for (int i = 0; i < values.length; i++) {
      assertEquals(Rgb.grey(values[i]), rgb(read, i), "stored grey value, replicated");
    }
    BufferedImage rgba = new BufferedImage(W, H, BufferedImage.TYPE_INT_ARGB);
    rgba.setRGB(1, 1, 0x00123456);
    Path alpha = tmp.resolve("alpha.png");
    ImageIO.write(rgba, "png", alpha.toFile());
    assertEquals(0x123456, rgb(InputImage.read(alpha, W, H), W + 1), "alpha dropped");
    UserError size = assertThrows(UserError.class, () -> InputImage.read(file, W + 1, H));
    assertTrue(size.getMessage().startsWith(file + ": decoded as 4x3"), size.getMessage());
  }
}
