package org.tfseg.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.config.ExperimentLoader;
import org.tfseg.task.SegmentationTask;
import org.tfseg.train.TrainingGraph;

/**
 * Two worker JVMs on loopback ({@code TF_CONFIG}, TF's gRPC server, collective all-reduce) train,
 * step for step, the model one process trains at their global batch — losses and final weights
 * within 1e-5 relative, with synchronised BatchNorm — and only the chief writes a run folder. When
 * the chief is killed with {@code kill -9} inside an epoch, the other worker exits 3 within seconds
 * with one line naming it; the restarted cluster resumes from the chief's last checkpoint and ends
 * where the uninterrupted cluster did.
 *
 * <p>The U-Net's convolutions before a BatchNorm have biases whose gradient is zero in exact
 * arithmetic (BatchNorm removes a per-channel shift): their values are float32 rounding noise of
 * order 1e-9 in either run, compared in absolute terms (1e-6) instead.
 */
class MultiWorkerTest {
  static final String EXPERIMENT =
      """
      {"name": "dist", "seed": 3,
       "model": {"architecture": "unet", "base_filters": 4, "depth": 1},
       "data": {"image_size": [32, 32],
                "train": {"layout": "synthetic", "root": "data/train", "count": 20, "size": [32, 32], "seed": 5},
                "validation_fraction": 0.2},
       "loss": {"type": "bce"},
       "optimizer": {"type": "sgd", "learning_rate": 0.1, "momentum": 0.9},
       "training": {"batch_size": 4, "epochs": 2, "metrics": ["precision"],
                    "checkpoints": {"every_steps": 2},
                    "distribution": {"sync_batch_norm": true, "timeout_seconds": 60}}}
      """;

  @TempDir Path tmp;

  @Test
  void twoWorkersTrainTheModelOfOneAtTheirGlobalBatchAndResumeAfterAKill() throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("work"));
    Files.writeString(dir.resolve("dist.json"), EXPERIMENT);
    long t0 = System.nanoTime();
    assertEquals(
        0, ChildJvm.run(dir, tmp.resolve("ref.log"), "train", "dist.json"), log("ref.log"));
    double oneWorker = (System.nanoTime() - t0) / 1e9;

    int[] ports = freePorts(2);
    t0 = System.nanoTime();
    List<Process> cluster = startCluster(dir, ports, "a", "train", "dist.json");
    for (int i = 0; i < 2; i++) {
      assertTrue(cluster.get(i).waitFor(4, TimeUnit.MINUTES));
      assertEquals(0, cluster.get(i).exitValue(), log("a" + i + ".log"));
    }
    double twoWorkers = (System.nanoTime() - t0) / 1e9;
    System.out.printf(
        "wall time: 1 worker %.1f s, 2 workers on loopback %.1f s%n", oneWorker, twoWorkers);
    Path ref = dir.resolve("runs/dist/run-001");
    Path two = dir.resolve("runs/dist/run-002");
    assertEquals(List.of("run-001", "run-002"), runs(dir), "only the chief writes a run folder");
    assertTrue(log("a0.log").contains("worker 0 of 2 (chief)"), log("a0.log"));
    double d = compare(dir, ref, two);
    System.out.printf("2 workers vs 1 at the global batch: max relative deviation %.2e%n", d);
    assertTrue(d < 1e-5, "deviation " + d);

    // kill -9 the chief inside epoch 2: the other worker stops with one line naming it
    ports = freePorts(2);
    cluster = startCluster(dir, ports, "b", "train", "dist.json");
    Path killed = dir.resolve("runs/dist/run-003");
    waitForCheckpoint(killed, cluster.get(0), 6);
    long kill = System.nanoTime();
    cluster.get(0).destroyForcibly().waitFor();
    assertTrue(cluster.get(1).waitFor(60, TimeUnit.SECONDS), "worker 1 did not stop");
    double detected = (System.nanoTime() - kill) / 1e9;
    assertEquals(3, cluster.get(1).exitValue(), log("b1.log"));
    String line =
        log("b1.log").lines().filter(l -> l.startsWith("tfseg: error:")).findFirst().orElse("");
    assertTrue(line.contains("worker 0 (127.0.0.1:" + ports[0] + ")"), log("b1.log"));
    System.out.printf("chief killed: worker 1 exited 3 after %.2f s: %s%n", detected, line);

    ports = freePorts(2);
    cluster = startCluster(dir, ports, "c", "train", "dist.json", "--resume", killed.toString());
    for (int i = 0; i < 2; i++) {
      assertTrue(cluster.get(i).waitFor(4, TimeUnit.MINUTES));
      assertEquals(0, cluster.get(i).exitValue(), log("c" + i + ".log"));
    }
    assertTrue(log("c0.log").contains("batch(es) of epoch 2"), log("c0.log"));
    for (String file : List.of("history.csv", "checkpoints/final/ckpt.data-00000-of-00001")) {
      assertArrayEquals(
          Files.readAllBytes(two.resolve(file)),
          Files.readAllBytes(killed.resolve(file)),
          "the resumed cluster's " + file + " differs from the uninterrupted one's");
    }

    // With gradient checkpointing the all-reduces of synchronised BatchNorm are differentiated in
    // place (never recomputed): the same model as one worker that keeps its activations.
    ports = freePorts(2);
    cluster =
        startCluster(
            dir, ports, "g", "train", "dist.json", "--set", "training.gradient_checkpointing=true");
    for (int i = 0; i < 2; i++) {
      assertTrue(cluster.get(i).waitFor(4, TimeUnit.MINUTES));
      assertEquals(0, cluster.get(i).exitValue(), log("g" + i + ".log"));
    }
    double g = compare(dir, ref, dir.resolve("runs/dist/run-004"));
    System.out.printf(
        "2 workers with gradient checkpointing vs 1 without: max relative deviation %.2e%n", g);
    assertTrue(g < 1e-5, "deviation " + g);
  }

  /** The largest relative deviation of the epoch losses and the final weights of run b from a. */
  private static double compare(Path dir, Path a, Path b) throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode ha = json.readTree(a.resolve("history.json").toFile());
    JsonNode hb = json.readTree(b.resolve("history.json").toFile());
    double worst = 0;
    for (String key : List.of("loss", "val_loss", "precision_count")) {
      JsonNode va = ha.findValue(key);
      JsonNode vb = hb.findValue(key);
      if (va == null) {
        continue;
      }
      for (int i = 0; i < va.size(); i++) {
        double x = va.get(i).asDouble();
        worst = Math.max(worst, Math.abs(x - vb.get(i).asDouble()) / Math.abs(x));
      }
    }
    SegmentationTask task =
        new SegmentationTask(ExperimentLoader.load(dir.resolve("dist.json"), List.of()));
    List<float[]> wa;
    List<float[]> wb;
    List<String> names = new ArrayList<>();
    try (TrainingGraph g = new TrainingGraph(task.trainingSpec())) {
      g.restore(a.resolve("checkpoints/final/ckpt").toString());
      wa = g.weights();
      g.restore(b.resolve("checkpoints/final/ckpt").toString());
      wb = g.weights();
      g.store().all().forEach(v -> names.add(v.name()));
    }
    for (int i = 0; i < wa.size(); i++) {
      double diff = 0;
      double max = 0;
      for (int j = 0; j < wa.get(i).length; j++) {
        diff = Math.max(diff, Math.abs((double) wa.get(i)[j] - wb.get(i)[j]));
        max = Math.max(max, Math.abs(wa.get(i)[j]));
      }
      if (names.get(i).matches(".*/conv\\d/bias")) {
        assertTrue(diff < 1e-6, names.get(i) + ": |d| " + diff);
      } else {
        worst = Math.max(worst, diff / max);
      }
    }
    return worst;
  }

  private List<Process> startCluster(Path dir, int[] ports, String tag, String... args)
      throws IOException {
    List<Process> out = new ArrayList<>();
    for (int i = 0; i < ports.length; i++) {
      out.add(
          ChildJvm.start(
              dir, tmp.resolve(tag + i + ".log"), Map.of("TF_CONFIG", tfConfig(ports, i)), args));
    }
    return out;
  }

  static String tfConfig(int[] ports, int index) {
    StringBuilder workers = new StringBuilder();
    for (int p : ports) {
      workers
          .append(workers.length() == 0 ? "" : ", ")
          .append("\"127.0.0.1:")
          .append(p)
          .append('"');
    }
    return "{\"cluster\": {\"worker\": ["
        + workers
        + "]}, \"task\": {\"type\": \"worker\", \"index\": "
        + index
        + "}}";
  }

  /** Ports free right now (the OS does not hand them out again at once). */
  static int[] freePorts(int n) throws IOException {
    int[] out = new int[n];
    List<ServerSocket> held = new ArrayList<>();
    try {
      for (int i = 0; i < n; i++) {
        ServerSocket s = new ServerSocket(0);
        held.add(s);
        out[i] = s.getLocalPort();
      }
    } finally {
      for (ServerSocket s : held) {
        s.close();
      }
    }
    return out;
  }

  private static List<String> runs(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir.resolve("runs/dist"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void waitForCheckpoint(Path run, Process p, int minStep) throws Exception {
    ObjectMapper json = new ObjectMapper();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (System.nanoTime() < deadline) {
      assertTrue(p.isAlive(), "the chief ended before it could be killed");
      Path ckpts = run.resolve("checkpoints");
      if (Files.isDirectory(ckpts)) {
        try (Stream<Path> s = Files.list(ckpts)) {
          for (Path step : s.filter(x -> x.getFileName().toString().startsWith("step-")).toList()) {
            Path state = step.resolve("ckpt.json");
            if (Files.isRegularFile(state)
                && json.readTree(state.toFile()).get("step").asLong() >= minStep) {
              return;
            }
          }
        } catch (IOException raced) {
          // a checkpoint was being renamed or pruned; look again
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no checkpoint at step >= " + minStep + " in " + run);
  }

  private String log(String name) {
    try {
      return Files.readString(tmp.resolve(name));
    } catch (IOException e) {
      return "(no log " + name + ")";
    }
  }
}
