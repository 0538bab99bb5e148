package org.tfseg.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Dimension;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.IntBinaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.callback.ImageSamples;

class PredictionPanelsTest {
  private static final int H = 4;
  private static final int W = 5;
  private static final int PX = H * W;

  @TempDir Path tmp;

  /** Two images: pixel i of image r has RGB (i, 2i, 3i)/255·(r+1); the mask's left half is set. */
  private static ImageSamples samples(boolean labels) {
    float[] images = new float[2 * PX * 3];
    float[] masks = new float[2 * PX];
    for (int r = 0; r < 2; r++) {
      for (int i = 0; i < PX; i++) {
        for (int c = 0; c < 3; c++) {
          images[(r * PX + i) * 3 + c] = (i * (c + 1) * (r + 1)) / 255f;
        }
        masks[r * PX + i] = labels ? (i + r) % 3 : (i % W < 2 ? 1f : 0f);
      }
    }
    return new ImageSamples(images, masks, 2, H, W, 3);
  }

  /** Checks every pixel of the enlarged tile at {@code (row, column)} against {@code expected}. */
  private static void assertTile(
      BufferedImage img, int row, int column, IntBinaryOperator expected, String what) {
    Dimension t = PredictionPanels.tileSize(H, W);
    int s = t.width / W;
    Point at = PredictionPanels.tile(row, column, H, W);
    for (int y = 0; y < t.height; y++) {
      for (int x = 0; x < t.width; x++) {
        int want = expected.applyAsInt(row, (y / s) * W + x / s);
        int got = img.getRGB(at.x + x, at.y + y) & 0xffffff;
        if (want != got) {
          throw new AssertionError(
              String.format(
                  "%s row %d pixel (%d,%d): want %06x, got %06x", what, row, x, y, want, got));
        }
      }
    }
  }

  private static int grey(float v) {
    return Rgb.grey(Math.round(255 * v));
  }

  @Test
  void binaryColumnsAreImageMaskProbabilityAndHeatError() {
    ImageSamples s = samples(false);
    float[] p = new float[2 * PX];
    for (int i = 0; i < p.length; i++) {
      p[i] = (i % 7) / 6f;
    }
    BufferedImage img = PredictionPanels.render(s, p, 1, "binary");
    Dimension t = PredictionPanels.tileSize(H, W);
    assertEquals(new Dimension(40 * W, 40 * H), t, "small tiles enlarged 40 times to 200 px");
    Point last = PredictionPanels.tile(1, 3, H, W);
    assertEquals(last.x + t.width + PredictionPanels.MARGIN, img.getWidth());
    assertEquals(
        last.y + t.height + PredictionPanels.FOOTER + PredictionPanels.MARGIN, img.getHeight());
    assertEquals(new Dimension(192, 192), PredictionPanels.tileSize(96, 96));
    assertEquals(new Dimension(256, 128), PredictionPanels.tileSize(256, 512), "shrunk to 256");
    for (int r = 0; r < 2; r++) {
      assertTile(
          img,
          r,
          0,
          (row, i) -> {
            int v = i * (row + 1);
            return (v << 16) | (2 * v << 8) | 3 * v;
          },
          "image");
      assertTile(img, r, 1, (row, i) -> grey(s.masks()[row * PX + i]), "ground truth");
      assertTile(img, r, 2, (row, i) -> grey(p[row * PX + i]), "prediction");
      assertTile(
          img,
          r,
          3,
          (row, i) -> Heat.rgb(Math.abs(p[row * PX + i] - s.masks()[row * PX + i])),
          "error");
    }
    Point gap = PredictionPanels.tile(0, 1, H, W);
    assertEquals(0xffffff, img.getRGB(gap.x - 1, gap.y) & 0xffffff, "white gap between columns");
    assertEquals(
        List.of("image", "ground truth", "prediction p", "error |p − y|"),
        PredictionPanels.columns(1));
  }

  @Test
  void multiClassColumnsUseThePaletteAndMarkMismatches() {
    ImageSamples s = samples(true);
    int classes = 3;
    float[] p = new float[2 * PX * classes];
    int[] predicted = new int[2 * PX];
    for (int i = 0; i < 2 * PX; i++) {
      predicted[i] = i % 4 == 0 ? (int) s.masks()[i] : (i / 2) % classes;
      for (int k = 0; k < classes; k++) {
        p[i * classes + k] = k == predicted[i] ? 0.6f : 0.2f;
      }
    }
    BufferedImage img = PredictionPanels.render(s, p, classes, "three classes");
    for (int r = 0; r < 2; r++) {
      assertTile(img, r, 1, (row, i) -> Palette.rgb((int) s.masks()[row * PX + i]), "ground truth");
      assertTile(img, r, 2, (row, i) -> Palette.rgb(predicted[row * PX + i]), "prediction");
      assertTile(
          img,
          r,
          3,
          (row, i) -> Heat.rgb(predicted[row * PX + i] == (int) s.masks()[row * PX + i] ? 0 : 1),
          "mismatch");
    }
    assertEquals(0x800000, Palette.rgb(1));
    assertEquals(0x008000, Palette.rgb(2));
  }

  @Test
  void paletteIsPascalVocs() {
    Map<Integer, Integer> voc =
        Map.of(
            0, 0x000000, 1, 0x800000, 2, 0x008000, 3, 0x808000, 4, 0x000080, 7, 0x808080, 8,
            0x400000, 15, 0xc08080, 20, 0x004080, 255, 0xe0e0c0);
    voc.forEach((c, rgb) -> assertEquals(rgb, Palette.rgb(c), "class " + c));
    assertEquals(Palette.rgb(1), Palette.rgb(257), "wraps at 256");
    assertEquals(0x000004, Heat.rgb(0));
    assertEquals(0xfcffa4, Heat.rgb(1));
  }

  @Test
  void callbackWritesOnePanelPerEpochAndNothingWithoutValidation() throws Exception {
    ImageSamples s = samples(false);
    float[] p = new float[2 * PX];
    Path run = Files.createDirectories(tmp.resolve("run-001"));
    PanelsCallback panels = new PanelsCallback(2);
    panels.onEpochEnd(0, Map.of("val_loss", 0.5), StubControl.of(run, 3, s, p, 1));
    panels.onEpochEnd(1, Map.of(), StubControl.of(run, 3, s, p, 1));
    assertEquals(run.resolve("panels/epoch-001.png"), PanelsCallback.file(run, 0));
    BufferedImage first = ImageIO.read(PanelsCallback.file(run, 0).toFile());
    BufferedImage direct = PredictionPanels.render(s, p, 1, "caption");
    assertEquals(direct.getWidth(), first.getWidth());
    assertEquals(direct.getHeight(), first.getHeight());
    assertTrue(Files.exists(PanelsCallback.file(run, 1)));
    try (var files = Files.list(run.resolve("panels"))) {
      assertEquals(2, files.count(), "two panels, no temp files");
    }
    Path bare = Files.createDirectories(tmp.resolve("run-002"));
    panels.onEpochEnd(0, Map.of(), StubControl.of(bare, 3, null, null, 1));
    assertFalse(Files.exists(bare.resolve(PanelsCallback.FOLDER)), "no validation split");
  }
}
