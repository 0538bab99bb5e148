package org.tfseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The user's path through tfseg on a tiny synthetic experiment: train (a new run directory with its
 * files), resume to a later epoch, train again (a second run, nothing replaced), eval from the
 * checkpoint and from the SavedModel (equal numbers), export, predict at each image's own size.
 */
class EndToEndTest {
  @Test
  void trainResumeEvalExportPredict(@TempDir Path tmp) throws Exception {
    String json =
        """
        {
          "name": "tiny",
          "seed": 7,
          "run_root": "%1$s/runs",
          "model": {"architecture": "unet", "base_filters": 4, "depth": 2},
          "data": {
            "image_size": [32, 32],
            "train": {"layout": "synthetic", "root": "%1$s/syn-train", "count": 40, "size": [40, 48], "seed": 1},
            "validation_fraction": 0.2,
            "test": {"layout": "synthetic", "root": "%1$s/syn-test", "count": 6, "size": [40, 48], "seed": 2}
          },
          "loss": {"type": "bce"},
          "optimizer": {"type": "adam", "learning_rate": 0.003},
          "training": {
            "batch_size": 8, "epochs": 1, "metrics": ["precision", "recall"],
            "callbacks": [
              {"type": "reduce_lr_on_plateau", "monitor": "val_loss", "patience": 1, "factor": 0.5},
              {"type": "model_checkpoint", "monitor": "val_loss", "save_best_only": true},
              {"type": "early_stopping", "monitor": "val_loss", "patience": 5, "restore_best_weights": true}
            ]
          },
          "evaluation": {"metrics": ["precision", "recall", "mae"]}
        }
        """
            .formatted(tmp.toString().replace("\\", "/"));
    Path exp = Files.writeString(tmp.resolve("tiny.json"), json);
    Path run1 = tmp.resolve("runs/tiny/run-001");

    CliRun train = CliRun.of(exp.toString());
    assertEquals(0, train.code(), train.err());
    for (String f :
        List.of(
            "experiment.json",
            "history.csv",
            "history.json",
            "train.log",
            "checkpoints/best/ckpt.index",
            "checkpoints/step-000000004/ckpt.index",
            "checkpoints/step-000000004/ckpt.json",
            "checkpoints/final/ckpt.index")) {
      assertTrue(Files.exists(run1.resolve(f)), f);
    }
    assertEquals(2, Files.readAllLines(run1.resolve("history.csv")).size(), "header + 1 epoch");

    CliRun resumed =
        CliRun.of(
            "train", exp.toString(), "--resume", run1.toString(), "--set", "training.epochs=3");
    assertEquals(0, resumed.code(), resumed.err());
    assertTrue(
        resumed.out().contains("Epoch 2/3") && !resumed.out().contains("Epoch 1/3"), resumed.out());
    assertEquals(4, Files.readAllLines(run1.resolve("history.csv")).size(), "header + 3 epochs");
    JsonNode state =
        new ObjectMapper().readTree(run1.resolve("checkpoints/step-000000012/ckpt.json").toFile());
    assertEquals(3, state.get("epochs_completed").asInt());
    assertEquals(3 * 4, state.get("step").asInt(), "32 train images, batch 8: 4 steps per epoch");

    assertEquals(0, CliRun.of(exp.toString()).code());
    assertTrue(
        Files.isDirectory(tmp.resolve("runs/tiny/run-002")), "a second run never reuses the first");

    CliRun evalCkpt =
        CliRun.of(
            "eval",
            exp.toString(),
            "--checkpoint",
            run1.toString(),
            "--out",
            tmp.resolve("eval-ckpt.json").toString());
    assertEquals(0, evalCkpt.code(), evalCkpt.err());
    Path saved = tmp.resolve("export");
    CliRun export =
        CliRun.of(
            "export", exp.toString(), "--checkpoint", run1.toString(), "--out", saved.toString());
    assertEquals(0, export.code(), export.err());
    assertEquals(
        2,
        CliRun.of(
                "export",
                exp.toString(),
                "--checkpoint",
                run1.toString(),
                "--out",
                saved.toString())
            .code(),
        "an existing export is never replaced");
    CliRun evalSaved =
        CliRun.of(
            "eval",
            exp.toString(),
            "--saved-model",
            saved.toString(),
            "--out",
            tmp.resolve("eval-saved.json").toString());
    assertEquals(0, evalSaved.code(), evalSaved.err());
    ObjectMapper m = new ObjectMapper();
    JsonNode a = m.readTree(tmp.resolve("eval-ckpt.json").toFile()).get("metrics");
    JsonNode b = m.readTree(tmp.resolve("eval-saved.json").toFile()).get("metrics");
    // The export folds BatchNorm into the convolutions: probabilities within 1e-5 of the
    // checkpoint's, so the MAE agrees to ~1e-6; a pixel at the threshold may flip in
    // precision/recall.
    assertEquals(a.get("mae").asDouble(), b.get("mae").asDouble(), 1e-6, "mae");
    assertEquals(
        a.get("mae_all_background").asDouble(), b.get("mae_all_background").asDouble(), 1e-12);
    for (String k : List.of("precision", "recall")) {
      assertEquals(a.get(k).asDouble(), b.get(k).asDouble(), 1e-3, k);
    }

    Path masks = tmp.resolve("masks");
    CliRun predict =
        CliRun.of(
            "predict",
            "--saved-model",
            saved.toString(),
            "--input",
            tmp.resolve("syn-test/images").toString(),
            "--output",
            masks.toString());
    assertEquals(0, predict.code(), predict.err());
    try (Stream<Path> s = Files.list(masks)) {
      List<Path> written = s.sorted().toList();
      assertEquals(6, written.size());
      BufferedImage mask = ImageIO.read(written.get(0).toFile());
      assertEquals(48, mask.getWidth(), "original width");
      assertEquals(40, mask.getHeight(), "original height");
    }
    assertEquals(
        2,
        CliRun.of(
                "predict",
                "--saved-model",
                saved.toString(),
                "--input",
                tmp.resolve("syn-test/images").toString(),
                "--output",
                masks.toString())
            .code(),
        "existing masks are never replaced");
  }
}
