package org.tfseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster that cannot train stops with one clear line: a worker whose peer never starts exits 3
 * within the timeout naming the missing worker (as the group leader, and as a worker waiting for
 * the leader, which TF alone would wait for forever); a malformed {@code TF_CONFIG}, a port in use
 * and workers started with different experiments exit 2 with the reason. (A worker killed
 * mid-epoch: {@link MultiWorkerTest}.)
 */
class ClusterFaultsTest {
  private static final String TIMEOUT = "training.distribution.timeout_seconds=5";

  @TempDir Path tmp;

  @Test
  void aWorkerThatNeverStartsIsNamedWithinTheTimeout() throws Exception {
    Path dir = work();
    for (int alone = 0; alone < 2; alone++) {
      int[] ports = MultiWorkerTest.freePorts(2);
      long t0 = System.nanoTime();
      Process p =
          ChildJvm.start(
              dir,
              tmp.resolve("alone" + alone + ".log"),
              Map.of("TF_CONFIG", MultiWorkerTest.tfConfig(ports, alone)),
              "train",
              "dist.json",
              "--set",
              TIMEOUT);
      assertTrue(p.waitFor(90, TimeUnit.SECONDS), "worker " + alone + " alone did not stop");
      double s = (System.nanoTime() - t0) / 1e9;
      String log = log("alone" + alone + ".log");
      assertEquals(3, p.exitValue(), log);
      int missing = 1 - alone;
      String line = errorLine(log);
      assertTrue(
          line.contains("worker " + missing + " (127.0.0.1:" + ports[missing] + ")"),
          "worker "
              + alone
              + " alone: no error line naming worker "
              + missing
              + " at port "
              + ports[missing]
              + "; its log, "
              + log.length()
              + " chars:\n"
              + log);
      System.out.printf(
          "worker %d alone: exit 3 after %.1f s (JVM start included): %s%n", alone, s, line);
    }
  }

  @Test
  void configurationProblemsExit2WithTheReason() throws Exception {
    Path dir = work();
    assertExit2(dir, "bad", "{\"cluster\": {\"worker\": [\"127.0.0.1\"]}}", "TF_CONFIG");
    assertExit2(
        dir,
        "index",
        "{\"cluster\": {\"worker\": [\"127.0.0.1:1\"]}, \"task\": {\"type\": \"worker\", \"index\": 1}}",
        "task.index 1 is not a worker");

    int[] ports = MultiWorkerTest.freePorts(2);
    try (ServerSocket held = new ServerSocket(ports[0], 1, InetAddress.getByName("127.0.0.1"))) {
      assertExit2(
          dir, "port", MultiWorkerTest.tfConfig(ports, 0), "cannot serve on 127.0.0.1:" + ports[0]);
    }

    ports = MultiWorkerTest.freePorts(2);
    Process a =
        ChildJvm.start(
            dir,
            tmp.resolve("differ0.log"),
            Map.of("TF_CONFIG", MultiWorkerTest.tfConfig(ports, 0)),
            "train",
            "dist.json",
            "--set",
            TIMEOUT);
    Process b =
        ChildJvm.start(
            dir,
            tmp.resolve("differ1.log"),
            Map.of("TF_CONFIG", MultiWorkerTest.tfConfig(ports, 1)),
            "train",
            "dist.json",
            "--set",
            TIMEOUT,
            "--set",
            "training.epochs=3");
    for (int i = 0; i < 2; i++) {
      Process p = i == 0 ? a : b;
      assertTrue(p.waitFor(90, TimeUnit.SECONDS));
      String log = log("differ" + i + ".log");
      assertEquals(2, p.exitValue(), log);
      assertTrue(errorLine(log).contains("the workers disagree on the experiment"), log);
    }
    assertFalse(
        Files.exists(dir.resolve("runs")), "no run folder for a cluster that never trained");
  }

  private void assertExit2(Path dir, String tag, String tfConfig, String reason) throws Exception {
    Process p =
        ChildJvm.start(
            dir, tmp.resolve(tag + ".log"), Map.of("TF_CONFIG", tfConfig), "train", "dist.json");
    assertTrue(p.waitFor(90, TimeUnit.SECONDS));
    String log = log(tag + ".log");
    assertEquals(2, p.exitValue(), log);
    assertTrue(errorLine(log).contains(reason), log);
    System.out.println(tag + ": exit 2: " + errorLine(log));
  }

  private Path work() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("work"));
    Files.writeString(dir.resolve("dist.json"), MultiWorkerTest.EXPERIMENT);
    return dir;
  }

  private static String errorLine(String log) {
    return log.lines().filter(l -> l.startsWith("tfseg: error:")).findFirst().orElse("");
  }

  private String log(String name) {
    try {
      return Files.readString(tmp.resolve(name));
    } catch (IOException e) {
      return "(no log " + name + ")";
    }
  }
}
