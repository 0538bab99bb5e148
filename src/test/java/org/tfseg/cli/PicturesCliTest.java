package org.tfseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.viz.InputImage;
import org.tfseg.viz.MaskFormat;
import org.tfseg.viz.Palette;
import org.tfseg.viz.PredictionPanels;
import org.tfseg.viz.TrainingCurves;

/**
 * The pictures through the CLI on a tiny synthetic model: training writes {@code curves.png} and an
 * epoch panel, {@code eval} a panel beside its JSON, and {@code predict --format} binary, color and
 * overlay masks consistent with one another. The model is barely trained (learning rate 1e-5), so
 * its probabilities stay near 0.5 and both foreground and background appear.
 */
class PicturesCliTest {
  @Test
  void trainEvalAndPredictWritePictures(@TempDir Path tmp) throws Exception {
    String json =
        """
        {
          "name": "pics",
          "seed": 3,
          "run_root": "%1$s/runs",
          "model": {"architecture": "unet", "base_filters": 4, "depth": 2},
          "data": {
            "image_size": [32, 32],
            "train": {"layout": "synthetic", "root": "%1$s/syn-train", "count": 20, "size": [32, 40], "seed": 1},
            "validation_fraction": 0.2,
            "test": {"layout": "synthetic", "root": "%1$s/syn-test", "count": 3, "size": [36, 44], "seed": 2}
          },
          "loss": {"type": "bce"},
          "optimizer": {"type": "adam", "learning_rate": 1e-5},
          "training": {"batch_size": 8, "epochs": 2, "metrics": ["precision"]},
          "evaluation": {"metrics": ["precision", "mae"]}
        }
        """
            .formatted(tmp.toString().replace("\\", "/"));
    Path exp = Files.writeString(tmp.resolve("pics.json"), json);
    Path run = tmp.resolve("runs/pics/run-001");
    CliRun train = CliRun.of(exp.toString());
    assertEquals(0, train.code(), train.err());
    BufferedImage curves = ImageIO.read(run.resolve(TrainingCurves.FILE).toFile());
    assertEquals(2 * TrainingCurves.CELL_WIDTH, curves.getWidth(), "loss, precision, lr");
    try (Stream<Path> panels = Files.list(run.resolve("panels"))) {
      assertEquals(
          List.of("epoch-001.png", "epoch-002.png"),
          panels.map(p -> p.getFileName().toString()).sorted().toList());
    }
    BufferedImage panel = ImageIO.read(run.resolve("panels/epoch-002.png").toFile());
    int rows = PredictionPanels.DEFAULT_IMAGES; // 4 validation images, 3 shown
    assertEquals(
        PredictionPanels.tile(rows, 0, 32, 32).y
            - PredictionPanels.GAP
            + PredictionPanels.FOOTER
            + PredictionPanels.MARGIN,
        panel.getHeight());

    Path report = tmp.resolve("eval/test.json");
    CliRun eval = CliRun.of("eval", exp.toString(), "--panel", "2", "--out", report.toString());
    assertEquals(0, eval.code(), eval.err());
    Path evalPanel = tmp.resolve("eval/test-panel.png");
    assertTrue(eval.out().contains("written: " + evalPanel), eval.out());
    assertEquals(
        PredictionPanels.tile(2, 0, 32, 32).y
            - PredictionPanels.GAP
            + PredictionPanels.FOOTER
            + PredictionPanels.MARGIN,
        ImageIO.read(evalPanel.toFile()).getHeight(),
        "two rows");
    CliRun noPanel =
        CliRun.of(
            "eval", exp.toString(), "--panel", "0", "--out", tmp.resolve("e2.json").toString());
    assertEquals(0, noPanel.code(), noPanel.err());
    assertFalse(Files.exists(tmp.resolve("e2-panel.png")));
    CliRun badPanel = CliRun.of("eval", exp.toString(), "--panel", "-1");
    assertEquals(2, badPanel.code());
    assertEquals(
        "tfseg: error: --panel: expected a non-negative integer, got '-1'", badPanel.err().strip());

    Path saved = tmp.resolve("export");
    assertEquals(
        0,
        CliRun.of(
                "export", exp.toString(), "--checkpoint", run.toString(), "--out", saved.toString())
            .code());
    Path images = tmp.resolve("syn-test/images");
    for (MaskFormat f : List.of(MaskFormat.BINARY, MaskFormat.COLOR, MaskFormat.OVERLAY)) {
      CliRun predict = predict(saved, images, tmp.resolve(f.option()), "--format", f.option());
      assertEquals(0, predict.code(), predict.err());
    }
    List<Path> inputs;
    try (Stream<Path> s = Files.list(images)) {
      inputs = s.sorted().toList();
    }
    int foreground = 0;
    int background = 0;
    for (Path input : inputs) {
      String name = input.getFileName().toString().replaceAll("\\.[^.]+$", ".png");
      BufferedImage binary = ImageIO.read(tmp.resolve("binary").resolve(name).toFile());
      BufferedImage color = ImageIO.read(tmp.resolve("color").resolve(name).toFile());
      BufferedImage overlay = ImageIO.read(tmp.resolve("overlay").resolve(name).toFile());
      BufferedImage photo = InputImage.read(input, 44, 36);
      assertEquals(44, binary.getWidth(), "at the image's own size");
      assertEquals(36, overlay.getHeight());
      for (int y = 0; y < 36; y++) {
        for (int x = 0; x < 44; x++) {
          int b = binary.getRaster().getSample(x, y, 0);
          assertTrue(b == 0 || b == 255, "binary values only 0 or 255, got " + b);
          boolean fg = b == 255;
          foreground += fg ? 1 : 0;
          background += fg ? 0 : 1;
          assertEquals(
              fg ? Palette.FOREGROUND : Palette.rgb(0),
              color.getRGB(x, y) & 0xffffff,
              "foreground gold, background black");
          assertEquals(
              !fg,
              (photo.getRGB(x, y) & 0xffffff) == (overlay.getRGB(x, y) & 0xffffff),
              "overlay differs from the image exactly on foreground at " + x + "," + y);
        }
      }
    }
    assertTrue(foreground > 0 && background > 0, foreground + " foreground, " + background);

    CliRun bogus = predict(saved, images, tmp.resolve("bogus"), "--format", "colour");
    assertEquals(2, bogus.code());
    assertTrue(
        bogus.err().strip().startsWith("tfseg: error: --format: expected probability"),
        bogus.err());
    CliRun minMax = predict(saved, images, tmp.resolve("mm"), "--format", "binary", "--minmax");
    assertEquals(2, minMax.code());
    assertEquals(
        "tfseg: error: --minmax applies to --format probability only", minMax.err().strip());
  }

  private static CliRun predict(Path saved, Path images, Path out, String... more) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "predict",
                "--saved-model",
                saved.toString(),
                "--input",
                images.toString(),
                "--output",
                out.toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }
}
