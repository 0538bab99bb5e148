package org.tfseg.serve;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * An HTTP load generator for {@code tfseg serve} on loopback: {@code count} requests cycling
 * through a list of {@link LoadRequest}s from {@code concurrency} threads, stopping at the count or
 * the deadline, whichever comes first. Each kind is first sent once alone; that answer is its
 * reference, and every later answer to a valid kind must equal it byte for byte (an answer mixed up
 * between requests, or changed under concurrency, counts as wrong). An invalid kind must get its
 * expected 4xx with a JSON {@code error}. A request without any answer (connection error, time-out)
 * counts as dropped.
 */
public final class LoadGenerator {
  private LoadGenerator() {}

  /** Counts and latencies of one run. */
  public record Report(
      int concurrency,
      int sent,
      int correct,
      int wrong,
      int expected4xx,
      int status5xx,
      int dropped,
      double seconds,
      double p50Millis,
      double p99Millis,
      double requestsPerSecond,
      Map<String, Integer> byKind,
      List<String> problems) {
    public String line() {
      return String.format(
          "concurrency %d: %d requests in %.1f s, %.1f req/s, p50 %.1f ms, p99 %.1f ms; correct %d,"
              + " expected 4xx %d, wrong %d, 5xx %d, dropped %d",
          concurrency,
          sent,
          seconds,
          requestsPerSecond,
          p50Millis,
          p99Millis,
          correct,
          expected4xx,
          wrong,
          status5xx,
          dropped);
    }
  }

  public static Report run(
      URI base, List<LoadRequest> kinds, int count, int concurrency, Duration deadline)
      throws InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());
    byte[][] reference = new byte[kinds.size()][];
    for (int k = 0; k < kinds.size(); k++) {
      HttpResponse<byte[]> r = send(client, base, kinds.get(k));
      if (r != null && r.statusCode() == 200) {
        reference[k] = r.body();
      }
    }
    long end = System.nanoTime() + deadline.toNanos();
    AtomicInteger next = new AtomicInteger();
    long[] latency = new long[count];
    LongAdder correct = new LongAdder();
    LongAdder wrong = new LongAdder();
    LongAdder expected4xx = new LongAdder();
    LongAdder status5xx = new LongAdder();
    LongAdder dropped = new LongAdder();
    Map<String, Integer> byKind = new ConcurrentHashMap<>();
    long start = System.nanoTime();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < concurrency; t++) {
      Thread w =
          new Thread(
              () -> {
                for (int i = next.getAndIncrement();
                    i < count && System.nanoTime() < end;
                    i = next.getAndIncrement()) {
                  int k = i % kinds.size();
                  LoadRequest q = kinds.get(k);
                  long t0 = System.nanoTime();
                  HttpResponse<byte[]> r = send(client, base, q);
                  latency[i] = System.nanoTime() - t0;
                  byKind.merge(q.name(), 1, Integer::sum);
                  if (r == null) {
                    dropped.increment();
                    problem(problems, q.name() + ": no answer");
                    continue;
                  }
                  int s = r.statusCode();
                  if (s >= 500) {
                    status5xx.increment();
                    problem(problems, q.name() + ": " + s + " " + new String(r.body()));
                  } else if (s != q.expectStatus()) {
                    wrong.increment();
                    problem(
                        problems, q.name() + ": status " + s + ", expected " + q.expectStatus());
                  } else if (s == 200 && !Arrays.equals(r.body(), reference[k])) {
                    wrong.increment();
                    problem(problems, q.name() + ": answer differs from its first answer");
                  } else if (s != 200 && !new String(r.body()).contains("\"error\"")) {
                    wrong.increment();
                    problem(problems, q.name() + ": " + s + " without a JSON error");
                  } else if (s == 200) {
                    correct.increment();
                  } else {
                    expected4xx.increment();
                  }
                }
              },
              "load-" + t);
      w.start();
      workers.add(w);
    }
    for (Thread w : workers) {
      w.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    int sent = Math.min(next.get(), count);
    long[] done = Arrays.copyOf(latency, sent);
    Arrays.sort(done);
    return new Report(
        concurrency,
        sent,
        correct.intValue(),
        wrong.intValue(),
        expected4xx.intValue(),
        status5xx.intValue(),
        dropped.intValue(),
        seconds,
        percentile(done, 0.50),
        percentile(done, 0.99),
        sent / seconds,
        new TreeMap<>(byKind),
        List.copyOf(problems));
  }

  private static HttpResponse<byte[]> send(HttpClient client, URI base, LoadRequest q) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(q.path())).timeout(Duration.ofSeconds(120));
    if (q.body() == null) {
      b.GET();
    } else {
      b.header("Content-Type", q.contentType())
          .POST(HttpRequest.BodyPublishers.ofByteArray(q.body()));
    }
    try {
      return client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.io.IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static void problem(List<String> problems, String p) {
    if (problems.size() < 20) {
      problems.add(p);
    }
  }

  private static double percentile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e6;
  }
}
