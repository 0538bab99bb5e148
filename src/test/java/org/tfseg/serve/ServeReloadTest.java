package org.tfseg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.export.ServingLayout;

/**
 * A new version written under load: requests keep being answered (none fails or is dropped), the
 * ones in flight at the switch finish on the old version, every request that starts after the first
 * answer from the new version gets the new version, and a version that fails to load leaves the
 * served one in place.
 */
class ServeReloadTest {
  private record Call(long start, long end, int status, long version) {}

  @Test
  void newVersionIsPickedUpWithoutDroppingRequests(@TempDir Path tmp) throws Exception {
    Path v1 = TinyModel.export(tmp, "tiny", 1).get(0);
    ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
    PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
    ServeOptions o = ServeOptions.defaults(tmp, "tiny").withPort(0).withPollMillis(100);
    ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    byte[] image = TinyModel.image(64, 48, 5, "png");
    try (ModelServer server = new ModelServer(o, log)) {
      URI base = URI.create("http://127.0.0.1:" + server.address().getPort());
      long stopAt = System.nanoTime() + 60_000_000_000L;
      java.util.concurrent.atomic.AtomicBoolean stop =
          new java.util.concurrent.atomic.AtomicBoolean();
      List<Thread> clients = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Thread c =
            new Thread(
                () -> {
                  while (System.nanoTime() < stopAt && !stop.get()) {
                    long start = System.nanoTime();
                    try {
                      HttpResponse<byte[]> r = Http.post(base, "/v1/models/tiny:segment", image);
                      long v =
                          Long.parseLong(r.headers().firstValue("X-Model-Version").orElse("0"));
                      calls.add(new Call(start, System.nanoTime(), r.statusCode(), v));
                    } catch (Exception e) {
                      calls.add(new Call(start, System.nanoTime(), -1, 0));
                    }
                  }
                });
        c.start();
        clients.add(c);
      }
      Thread.sleep(500);
      ServingLayout.writeVersion(tmp, "tiny", dir -> copy(v1, dir));
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (server.version() != 2 && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertEquals(2, server.version(), "version 2 picked up");
      Thread.sleep(500);
      Path broken = tmp.resolve("tiny/3");
      Files.createDirectories(broken.resolve("variables"));
      Files.write(broken.resolve("saved_model.pb"), new byte[] {1, 2, 3});
      Thread.sleep(700);
      stop.set(true);
      for (Thread c : clients) {
        c.join();
      }
      assertEquals(2, server.version(), "a broken version 3 leaves version 2 serving");
      assertTrue(Http.text(Http.get(base, "/v1/models/tiny")).contains("\"2\""));
    }
    List<Call> all = new ArrayList<>(calls);
    assertTrue(all.size() > 50, "requests made: " + all.size());
    assertEquals(0, all.stream().filter(c -> c.status != 200).count(), "failed or dropped");
    long firstV2 =
        all.stream().filter(c -> c.version == 2).mapToLong(Call::end).min().orElseThrow();
    long startedLateOnV1 = all.stream().filter(c -> c.start > firstV2 && c.version == 1).count();
    assertEquals(0, startedLateOnV1, "requests started after the switch use version 2");
    long firstV2Start =
        all.stream().filter(c -> c.version == 2).mapToLong(Call::start).min().orElseThrow();
    long inFlight = all.stream().filter(c -> c.version == 1 && c.end > firstV2Start).count();
    String text = logBytes.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("version 3 failed to load, still serving 2"), text);
    System.out.printf(
        "reload: %d requests, %d on version 1, %d on version 2; %d in flight on version 1 when"
            + " version 2 took its first request, all answered; 0 failed%n",
        all.size(),
        all.stream().filter(c -> c.version == 1).count(),
        all.stream().filter(c -> c.version == 2).count(),
        inFlight);
  }

  private static void copy(Path from, Path to) {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Files.copy(p, to.resolve(from.relativize(p).toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
