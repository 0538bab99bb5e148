package org.tfseg.sod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.UserError;

class PredictionDirEvaluatorTest {
  @TempDir Path tmp;
  private Path preds;
  private Path masks;

  @BeforeEach
  void dirs() throws Exception {
    preds = Files.createDirectory(tmp.resolve("preds"));
    masks = Files.createDirectory(tmp.resolve("masks"));
  }

  private static void grey(Path f, int w, int h, int[] v) throws Exception {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    img.getRaster().setSamples(0, 0, w, h, 0, v);
    ImageIO.write(img, "png", f.toFile());
  }

  private static String message(Runnable r) {
    return assertThrows(UserError.class, r::run).getMessage();
  }

  @Test
  void missingDirectoriesAreNamed() {
    Path nope = tmp.resolve("nope");
    assertTrue(message(() -> PredictionDirEvaluator.evaluate(nope, masks)).contains("nope"));
    assertTrue(message(() -> PredictionDirEvaluator.evaluate(preds, nope)).contains("nope"));
  }

  @Test
  void emptyPredictionDirectoryIsAnError() {
    assertTrue(message(() -> PredictionDirEvaluator.evaluate(preds, masks)).contains("no .png"));
  }

  @Test
  void predictionWithoutMaskNamesTheFile() throws Exception {
    grey(preds.resolve("a.png"), 2, 2, new int[] {0, 255, 0, 0});
    grey(masks.resolve("a.png"), 2, 2, new int[] {0, 255, 0, 0});
    grey(preds.resolve("lonely.png"), 2, 2, new int[] {0, 255, 0, 0});
    String m = message(() -> PredictionDirEvaluator.evaluate(preds, masks));
    assertTrue(m.contains("lonely.png") && !m.contains("\n"), m);
  }

  @Test
  void masksWithoutPredictionsAreCountedWithAnExample() throws Exception {
    grey(preds.resolve("a.png"), 2, 2, new int[] {0, 255, 0, 0});
    for (String n : new String[] {"a", "b", "c"}) {
      grey(masks.resolve(n + ".png"), 2, 2, new int[] {0, 255, 0, 0});
    }
    String m = message(() -> PredictionDirEvaluator.evaluate(preds, masks));
    assertTrue(m.contains("2 mask(s)") && m.contains("b.png"), m);
  }

  @Test
  void unreadablePngIsNamed() throws Exception {
    Files.writeString(preds.resolve("a.png"), "garbage");
    grey(masks.resolve("a.png"), 2, 2, new int[] {0, 255, 0, 0});
    assertTrue(message(() -> PredictionDirEvaluator.evaluate(preds, masks)).contains("a.png"));
  }

  @Test
  void smallerPredictionIsResizedToTheMask() throws Exception {
    int[] mask = new int[16];
    for (int i : new int[] {5, 6, 9, 10}) {
      mask[i] = 255;
    }
    grey(masks.resolve("x.png"), 4, 4, mask);
    GreyImage small = new GreyImage(2, 2, new int[] {10, 200, 30, 250});
    grey(preds.resolve("x.png"), 2, 2, small.values());
    SodReport r = PredictionDirEvaluator.evaluate(preds, masks);

    GreyImage big = PilBilinear.resize(small, 4, 4);
    SodEvaluator ev = new SodEvaluator();
    ev.add("x.png", SodInputs.prediction(big.values()), SodInputs.mask(mask), 4, 4);
    assertEquals(ev.report().values(), r.values());
    assertEquals(1, r.perImage().size());
  }
}
