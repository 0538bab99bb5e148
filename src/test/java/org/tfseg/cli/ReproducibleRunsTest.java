package org.tfseg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs are bit-identical: the same experiment in two JVMs gives the same checkpoint bytes and
 * history; a run killed with {@code kill -9} inside an epoch, or stopped by SIGTERM, and resumed
 * ends byte-identical to the uninterrupted run (data order, augmentation and the running epoch
 * values continue where they stopped).
 */
class ReproducibleRunsTest {
  private static final String EXPERIMENT =
      """
      {"name": "repro", "seed": 3,
       "model": {"architecture": "unet", "base_filters": 8, "depth": 2},
       "data": {"image_size": [64, 64],
                "train": {"layout": "synthetic", "root": "data/train", "count": 40, "size": [64, 64], "seed": 5},
                "validation_fraction": 0.2,
                "augmentation": {"horizontal_flip": true, "brightness_contrast": {}}},
       "loss": {"type": "bce"},
       "optimizer": {"type": "adam", "learning_rate": 0.01},
       "training": {"batch_size": 4, "epochs": 3, "metrics": ["precision"],
                    "checkpoints": {"every_steps": 3},
                    "callbacks": [{"type": "model_checkpoint", "monitor": "val_loss"},
                                  {"type": "reduce_lr_on_plateau", "patience": 1}]}}
      """;

  @TempDir Path tmp;

  @Test
  void twoJvmsGiveTheSameBytesAndAKilledRunResumesToThem() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("work"));
    Files.writeString(dir.resolve("repro.json"), EXPERIMENT);
    assertEquals(0, ChildJvm.run(dir, tmp.resolve("a.log"), "train", "repro.json"), log("a.log"));
    assertEquals(0, ChildJvm.run(dir, tmp.resolve("b.log"), "train", "repro.json"), log("b.log"));
    Path a = dir.resolve("runs/repro/run-001");
    assertSameRun(a, dir.resolve("runs/repro/run-002"));

    // kill -9 inside epoch 2, after a mid-epoch checkpoint, then resume
    Process killed = ChildJvm.start(dir, tmp.resolve("c.log"), "train", "repro.json");
    Path c = dir.resolve("runs/repro/run-003");
    waitForMidEpochCheckpoint(c, killed, 9);
    killed.destroyForcibly().waitFor();
    assertEquals(
        0,
        ChildJvm.run(dir, tmp.resolve("c2.log"), "train", "repro.json", "--resume", c.toString()),
        log("c2.log"));
    assertTrue(log("c2.log").contains("batch(es) of epoch 2"), log("c2.log"));
    assertSameRun(a, c);

    // SIGTERM: finishes the step, saves, says how to resume, exits 143
    Process terminated = ChildJvm.start(dir, tmp.resolve("d.log"), "train", "repro.json");
    Path d = dir.resolve("runs/repro/run-004");
    waitForMidEpochCheckpoint(d, terminated, 4);
    terminated.destroy();
    assertTrue(terminated.waitFor(60, TimeUnit.SECONDS));
    assertEquals(143, terminated.exitValue(), log("d.log"));
    assertTrue(log("d.log").contains("resume with: "), log("d.log"));
    assertEquals(
        0,
        ChildJvm.run(dir, tmp.resolve("d2.log"), "train", "repro.json", "--resume", d.toString()),
        log("d2.log"));
    assertSameRun(a, d);
  }

  /**
   * Waits until the run has a periodic checkpoint taken inside an epoch at a step >= {@code
   * minStep}.
   */
  private static void waitForMidEpochCheckpoint(Path run, Process p, int minStep) throws Exception {
    ObjectMapper json = new ObjectMapper();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      assertTrue(p.isAlive(), "the run ended before it could be interrupted");
      Path ckpts = run.resolve("checkpoints");
      if (Files.isDirectory(ckpts)) {
        try (Stream<Path> s = Files.list(ckpts)) {
          for (Path step : s.filter(x -> x.getFileName().toString().startsWith("step-")).toList()) {
            Path state = step.resolve("ckpt.json");
            if (Files.isRegularFile(state)) {
              var node = json.readTree(state.toFile());
              if (node.get("batches_in_epoch").asInt() > 0
                  && node.get("step").asLong() >= minStep) {
                return;
              }
            }
          }
        } catch (java.io.IOException raced) {
          // a checkpoint was being renamed or pruned; look again
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no mid-epoch checkpoint appeared in " + run);
  }

  private static void assertSameRun(Path expected, Path actual) throws Exception {
    for (String file :
        List.of(
            "history.csv",
            "history.json",
            "checkpoints/final/ckpt.index",
            "checkpoints/final/ckpt.data-00000-of-00001",
            "checkpoints/best/ckpt.data-00000-of-00001")) {
      assertArrayEquals(
          Files.readAllBytes(expected.resolve(file)),
          Files.readAllBytes(actual.resolve(file)),
          actual + ": " + file + " differs from " + expected);
    }
    assertEquals(stepsOf(expected), stepsOf(actual), "periodic checkpoints kept");
  }

  private static List<String> stepsOf(Path run) throws Exception {
    try (Stream<Path> s = Files.list(run.resolve("checkpoints"))) {
      return s.map(p -> p.getFileName().toString())
          .filter(n -> n.startsWith("step-"))
          .sorted()
          .toList();
    }
  }

  private String log(String name) {
    try {
      return Optional.of(Files.readString(tmp.resolve(name))).orElse("");
    } catch (java.io.IOException e) {
      return "(no log " + name + ")";
    }
  }
}
