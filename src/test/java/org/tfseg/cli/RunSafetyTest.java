package org.tfseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that go wrong stay safe: a resume skips a truncated newest checkpoint (naming it) and
 * continues from the next intact one, with the run's experiment.json updated to the allowed change;
 * an exploded (finite) loss stops the run with exit 1 before anything is saved from it; and that
 * failed run does not hide the previous good one from {@code eval} and {@code export}.
 */
class RunSafetyTest {
  static String experiment(Path tmp) {
    return """
        {
          "name": "safe",
          "seed": 7,
          "run_root": "%1$s/runs",
          "model": {"architecture": "unet", "base_filters": 4, "depth": 2},
          "data": {
            "image_size": [32, 32],
            "train": {"layout": "synthetic", "root": "%1$s/syn-train", "count": 24, "size": [40, 48], "seed": 1},
            "validation_fraction": 0.25,
            "test": {"layout": "synthetic", "root": "%1$s/syn-test", "count": 4, "size": [40, 48], "seed": 2}
          },
          "loss": {"type": "bce"},
          "optimizer": {"type": "adam", "learning_rate": 0.003},
          "training": {
            "batch_size": 6, "epochs": 2, "metrics": ["precision"],
            "callbacks": [
              {"type": "model_checkpoint", "monitor": "val_loss", "save_best_only": true},
              {"type": "reduce_lr_on_plateau", "monitor": "val_loss", "patience": 2}
            ]
          },
          "evaluation": {"metrics": ["precision", "mae"]}
        }
        """
        .formatted(tmp.toString().replace("\\", "/"));
  }

  @Test
  void damagedCheckpointsAndDivergedRunsDoNotCostThePreviousWork(@TempDir Path tmp)
      throws Exception {
    Path exp = Files.writeString(tmp.resolve("safe.json"), experiment(tmp));
    Path run1 = tmp.resolve("runs/safe/run-001");
    CliRun train = CliRun.of("train", exp.toString());
    assertEquals(0, train.code(), train.err());
    assertTrue(train.out().contains("data: all 24 train and validation image/mask pairs checked"));

    // the newest periodic checkpoint loses the second half of its data file
    Path step6 = run1.resolve("checkpoints/step-000000006/ckpt");
    Path data = Path.of(step6 + ".data-00000-of-00001");
    byte[] bytes = Files.readAllBytes(data);
    Files.write(data, Arrays.copyOf(bytes, bytes.length / 2));
    CliRun resumed =
        CliRun.of(
            "train", exp.toString(), "--resume", run1.toString(), "--set", "training.epochs=3");
    assertEquals(0, resumed.code(), resumed.err());
    assertTrue(
        resumed
            .out()
            .contains("WARNING: " + step6 + " cannot be restored (" + data + ": truncated ("),
        resumed.out());
    assertTrue(
        resumed
            .out()
            .contains(
                "from " + run1.resolve("checkpoints/step-000000003/ckpt") + ": 1 epoch(s) done"),
        resumed.out());
    assertTrue(
        resumed.out().contains("resume: $.training.epochs: 2 -> 3 (allowed on --resume)"),
        resumed.out());
    assertTrue(resumed.out().contains("Epoch 3/3"), resumed.out());
    assertEquals(
        3,
        new ObjectMapper()
            .readTree(run1.resolve("experiment.json").toFile())
            .at("/training/epochs")
            .asInt(),
        "the run's experiment.json describes what it trained");

    // a learning rate of 1e6 explodes the loss (finite, but lost): exit 1, nothing saved from it
    CliRun diverged = CliRun.of("train", exp.toString(), "--set", "optimizer.learning_rate=1e6");
    assertEquals(1, diverged.code(), diverged.out() + diverged.err());
    assertTrue(diverged.err().startsWith("tfseg: training diverged: loss "), diverged.err());
    assertTrue(diverged.err().contains("best and final were not written from it"), diverged.err());
    assertEquals(1, diverged.err().strip().lines().count(), diverged.err());
    Path run2 = tmp.resolve("runs/safe/run-002");
    try (Stream<Path> s = Files.list(run2.resolve("checkpoints"))) {
      assertEquals(0, s.count(), "no checkpoint of the diverged run");
    }
    assertTrue(
        Files.readString(run2.resolve("train.log"))
            .contains(
                "this run failed before its first checkpoint; eval and export use the newest"),
        Files.readString(run2.resolve("train.log")));

    // eval and export without --checkpoint pass over the failed run-002
    CliRun export = CliRun.of("export", exp.toString(), "--out", tmp.resolve("model").toString());
    assertEquals(0, export.code(), export.err());
    assertTrue(
        export.out().contains("(from " + run1.resolve("checkpoints/best/ckpt") + ")"),
        export.out());
    CliRun eval =
        CliRun.of(
            "eval", exp.toString(), "--out", tmp.resolve("e.json").toString(), "--panel", "0");
    assertEquals(0, eval.code(), eval.err());
    assertTrue(
        new ObjectMapper()
            .readTree(tmp.resolve("e.json").toFile())
            .get("checkpoint")
            .asText()
            .startsWith(run1.toString()));
  }
}
