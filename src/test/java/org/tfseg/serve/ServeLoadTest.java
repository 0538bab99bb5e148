package org.tfseg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.cli.Main;

/**
 * {@code tfseg serve} in its own JVM under load from another JVM ({@code tfseg serve-bench --mix}
 * on loopback, concurrency 8): after a warm-up run of 300 requests, 2,000 requests mixing valid and
 * invalid bodies must give every valid one its correct answer, every invalid one its 4xx, no 5xx,
 * none dropped, with the server's RSS within 10 % of its post-warm-up value throughout. The server
 * has a fixed heap ({@code -Xms = -Xmx}, pre-touched) so that RSS growth can only be native memory
 * (unclosed tensors).
 */
class ServeLoadTest {
  private static final int LIMIT = 1 << 20;

  @Test
  void twoThousandMixedRequestsAtConcurrency8(@TempDir Path tmp) throws Exception {
    TinyModel.export(tmp.resolve("models"), "tiny", 1);
    Process server =
        java(
            tmp.resolve("server.log"),
            List.of("-Xms256m", "-Xmx256m", "-XX:+AlwaysPreTouch"),
            "serve",
            "--model-base-path",
            tmp.resolve("models").toString(),
            "--model-name",
            "tiny",
            "--port",
            "0",
            "--max-body-bytes",
            "" + LIMIT);
    try {
      URI url = waitForUrl(server, tmp.resolve("server.log"));
      JsonNode warm = bench(tmp, url, 300, "warm");
      long rssAfterWarmup = rss(server.pid());
      Process client =
          java(
              tmp.resolve("load.log"),
              List.of("-Xmx512m"),
              benchArgs(url, 2000, tmp.resolve("load.json")));
      long maxRss = rssAfterWarmup;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(170);
      while (!client.waitFor(200, TimeUnit.MILLISECONDS)) {
        maxRss = Math.max(maxRss, rss(server.pid()));
        assertTrue(System.nanoTime() < deadline, "load client did not finish in time");
      }
      long rssAfter = rss(server.pid());
      String log = Files.readString(tmp.resolve("load.log"));
      JsonNode r = new ObjectMapper().readTree(tmp.resolve("load.json").toFile()).get(0);
      assertEquals(0, client.exitValue(), log);
      assertEquals(2000, r.get("sent").asInt(), log);
      assertEquals(0, r.get("wrong").asInt(), log);
      assertEquals(0, r.get("status5xx").asInt(), log);
      assertEquals(0, r.get("dropped").asInt(), log);
      assertEquals(2000, r.get("correct").asInt() + r.get("expected4xx").asInt(), log);
      assertTrue(r.get("expected4xx").asInt() >= 1000, log);
      assertTrue(server.isAlive(), "the server is still running");
      assertEquals(200, Http.get(url, "/v1/models/tiny").statusCode());
      System.out.printf(
          "load: %s%nwarm-up: %s%nserver RSS after warm-up %d MiB, max during load %d MiB, after %d"
              + " MiB%n",
          log.lines().filter(l -> l.startsWith("concurrency")).findFirst().orElse(log),
          warm.get("sent").asInt() + " requests",
          rssAfterWarmup >> 20,
          maxRss >> 20,
          rssAfter >> 20);
      assertTrue(
          maxRss <= rssAfterWarmup * 1.10,
          "RSS grew from " + rssAfterWarmup + " to " + maxRss + " bytes");
    } finally {
      server.destroy();
      server.waitFor(20, TimeUnit.SECONDS);
      server.destroyForcibly();
    }
  }

  private static JsonNode bench(Path tmp, URI url, int requests, String name) throws Exception {
    Path json = tmp.resolve(name + ".json");
    Process p =
        java(tmp.resolve(name + ".log"), List.of("-Xmx512m"), benchArgs(url, requests, json));
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), name + " timed out");
    assertEquals(0, p.exitValue(), Files.readString(tmp.resolve(name + ".log")));
    return new ObjectMapper().readTree(json.toFile()).get(0);
  }

  private static String[] benchArgs(URI url, int requests, Path json) {
    return new String[] {
      "serve-bench",
      "--url",
      url.toString(),
      "--model-name",
      "tiny",
      "--mix",
      "--max-body-bytes",
      "" + LIMIT,
      "--requests",
      "" + requests,
      "--concurrency",
      "8",
      "--time-limit-seconds",
      "150",
      "--json",
      json.toString()
    };
  }

  private static Process java(Path log, List<String> jvm, String... args) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvm);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(Main.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "3");
    return pb.start();
  }

  private static URI waitForUrl(Process server, Path log) throws Exception {
    Pattern p = Pattern.compile("on (http://127\\.0\\.0\\.1:[0-9]+)/");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      Matcher m = p.matcher(Files.readString(log));
      if (m.find()) {
        return URI.create(m.group(1));
      }
      assertTrue(server.isAlive(), () -> "server exited: " + read(log));
      Thread.sleep(100);
    }
    throw new AssertionError("server did not start: " + read(log));
  }

  private static long rss(long pid) throws Exception {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    throw new IllegalStateException("no VmRSS for " + pid);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
