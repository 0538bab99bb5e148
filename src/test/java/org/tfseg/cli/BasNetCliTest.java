package org.tfseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.testing.SharedData;

/** BASNet through the command line: summary, training, export, predict and SOD evaluation. */
class BasNetCliTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void summaryPrintsTheKerasParameterCounts() {
    CliRun r = CliRun.of("summary", "experiments/basnet.json");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().lines().filter(l -> l.contains(" params: ")).toList();
    int n = lines.size();
    assertEquals(
        List.of(
            "Total params: 108,886,792",
            "Trainable params: 108,834,952",
            "Non-trainable params: 51,840"),
        lines.subList(n - 3, n).stream().map(String::strip).toList());
  }

  @Test
  void aSizeThatIsNotAMultipleOf32IsAConfigError() {
    CliRun r =
        CliRun.of("summary", "experiments/basnet.json", "--set", "data.image_size=[300,288]");
    assertEquals(2, r.code());
    assertEquals(
        "tfseg: error: experiments/basnet.json: $.data.image_size: must be a multiple of 32 for this "
            + "model, got [300, 288]",
        r.err().strip());
  }

  /**
   * A narrow BASNet trained from experiments/basnet.json (cropped, flipped, colour-jittered,
   * stopped by max_steps inside the second epoch), exported, run by {@code predict}; then {@code
   * eval} on the checkpoint must equal {@code eval --pred-dir} on the PNGs {@code predict} wrote.
   */
  @Test
  void trainExportPredictAndEvalAgree() throws Exception {
    Path sod = SharedData.dir("sod-movahedi-elder");
    String runs = tmp.resolve("runs").toString();
    String[] sets = {
      "--set",
      "run_root=" + runs,
      "--set",
      "model.filters=16",
      "--set",
      "model.refine_filters=4",
      "--set",
      "data.image_size=[64,64]",
      "--set",
      "data.train={\"layout\":\"folder\",\"images\":\""
          + sod.resolve("images")
          + "\",\"masks\":\""
          + sod.resolve("masks")
          + "\",\"limit\":10}",
      "--set",
      "data.validation_fraction=0.4",
      "--set",
      "data.augmentation={\"horizontal_flip\":true,\"random_crop\":[32,32],\"brightness_contrast\":{}}",
      "--set",
      "training.batch_size=2",
      "--set",
      "training.epochs=5",
      "--set",
      "training.steps_per_epoch=2",
      "--set",
      "training.max_steps=3",
    };
    CliRun train = CliRun.of(concat(new String[] {"experiments/basnet.json"}, sets));
    assertEquals(0, train.code(), train.out() + train.err());
    Path run = Path.of(runs, "basnet", "run-001");
    List<String> history = Files.readAllLines(run.resolve("history.csv"));
    assertEquals(3, history.size(), "header + 2 epochs (2 steps, then 1): " + history);
    assertTrue(history.get(0).contains("val_mae"), history.get(0));
    JsonNode state = JSON.readTree(run.resolve("checkpoints/step-000000003/ckpt.json").toFile());
    assertEquals(3, state.get("step").asLong());

    // the validation split: the last 4 of the first 10 pairs by name
    List<Path> images;
    try (Stream<Path> s = Files.list(sod.resolve("images"))) {
      images = s.sorted().limit(10).skip(6).toList();
    }
    Path inputs = Files.createDirectories(tmp.resolve("inputs"));
    Path gts = Files.createDirectories(tmp.resolve("gts"));
    for (Path image : images) {
      String stem = image.getFileName().toString().replace(".jpg", "");
      Files.copy(image, inputs.resolve(image.getFileName()));
      Files.copy(sod.resolve("masks").resolve(stem + ".png"), gts.resolve(stem + ".png"));
    }
    Path saved = tmp.resolve("saved");
    CliRun export =
        CliRun.of(
            concat(
                new String[] {
                  "export",
                  "experiments/basnet.json",
                  "--checkpoint",
                  run.toString(),
                  "--out",
                  saved.toString()
                },
                sets));
    assertEquals(0, export.code(), export.err());
    Path preds = tmp.resolve("preds");
    CliRun predict =
        CliRun.of(
            "predict",
            "--saved-model",
            saved.toString(),
            "--input",
            inputs.toString(),
            "--output",
            preds.toString());
    assertEquals(0, predict.code(), predict.err());
    for (Path image : images) {
      BufferedImage in = ImageIO.read(image.toFile());
      BufferedImage out =
          ImageIO.read(
              preds.resolve(image.getFileName().toString().replace(".jpg", ".png")).toFile());
      assertEquals(
          in.getWidth() + "x" + in.getHeight(),
          out.getWidth() + "x" + out.getHeight(),
          "original size");
    }

    Path fromPngs = tmp.resolve("pngs.json");
    assertEquals(
        0,
        CliRun.of(
                "eval",
                "--pred-dir",
                preds.toString(),
                "--gt-dir",
                gts.toString(),
                "--out",
                fromPngs.toString())
            .code());
    Path fromCheckpoint = tmp.resolve("ckpt.json");
    CliRun eval =
        CliRun.of(
            concat(
                new String[] {
                  "eval",
                  "experiments/basnet.json",
                  "--checkpoint",
                  run.toString(),
                  "--out",
                  fromCheckpoint.toString()
                },
                sets));
    assertEquals(0, eval.code(), eval.err());
    assertTrue(eval.out().contains("on 4 validation images"), eval.out());
    Path fromSavedModel = tmp.resolve("saved.json");
    assertEquals(
        0,
        CliRun.of(
                concat(
                    new String[] {
                      "eval",
                      "experiments/basnet.json",
                      "--saved-model",
                      saved.toString(),
                      "--out",
                      fromSavedModel.toString()
                    },
                    sets))
            .code());

    JsonNode a = JSON.readTree(fromPngs.toFile());
    CliRun.assertSodKeys(a);
    assertEquals(
        a,
        JSON.readTree(fromSavedModel.toFile()),
        fromSavedModel + " differs from scoring predict's PNGs");
    // The export folds BatchNorm (probabilities within 1e-5 of the checkpoint's): a pixel may land
    // on the other side of a 1/255 quantisation step.
    assertClose(a, JSON.readTree(fromCheckpoint.toFile()), 1e-3, "checkpoint eval vs PNGs");
    assertEquals(4, a.get("per_image").size());
    assertTrue(
        Files.exists(tmp.resolve("ckpt-pr.png")) && Files.exists(tmp.resolve("ckpt-fmeasure.png")));
    for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (!k.equals("per_image")) {
        double v = a.get(k).asDouble();
        assertTrue(v >= 0 && v <= 1, k + " = " + v);
      }
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = new String[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** Same structure, every number within {@code tolerance}. */
  private static void assertClose(JsonNode want, JsonNode got, double tolerance, String where) {
    if (want.isNumber()) {
      assertEquals(want.asDouble(), got.asDouble(), tolerance, where);
      return;
    }
    assertEquals(want.size(), got.size(), where);
    if (want.isArray()) {
      for (int i = 0; i < want.size(); i++) {
        assertClose(want.get(i), got.get(i), tolerance, where + "[" + i + "]");
      }
    } else if (want.isObject()) {
      want.fieldNames()
          .forEachRemaining(k -> assertClose(want.get(k), got.get(k), tolerance, where + "." + k));
    } else {
      assertEquals(want, got, where);
    }
  }
}
