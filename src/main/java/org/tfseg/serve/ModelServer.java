package org.tfseg.serve;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code tfseg serve}: the JDK's HTTP server (module {@code jdk.httpserver}) on {@code host:port}
 * with a fixed pool of request threads, over the newest version of one model in TF Serving's
 * layout, reloaded when a newer version appears.
 */
public final class ModelServer implements AutoCloseable {
  static {
    // The JDK server leaves Nagle's algorithm on by default: with the client's delayed ACK every
    // small answer then waits ~40 ms on loopback (measured: p50 62 ms → 20 ms at concurrency 1).
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final ModelVersions versions;
  private final Segmenter segmenter;
  private final HttpServer http;
  private final ExecutorService threads;

  public ModelServer(ServeOptions options, PrintStream log) throws IOException {
    versions =
        new ModelVersions(options.basePath(), options.modelName(), options.pollMillis(), log);
    segmenter =
        options.batching() == null
            ? Segmenter.direct(versions)
            : new Batcher(versions, options.batching());
    AtomicInteger n = new AtomicInteger();
    threads =
        Executors.newFixedThreadPool(
            options.threads(),
            r -> {
              Thread t = new Thread(r, "tfseg-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    try {
      http = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 128);
    } catch (IOException e) {
      close(versions, segmenter);
      throw new org.tfseg.UserError(
          "cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage());
    }
    http.createContext("/", new HttpApi(options, versions, segmenter, log));
    http.setExecutor(threads);
    http.start();
  }

  /** The bound address (the real port when 0 was asked for). */
  public InetSocketAddress address() {
    return http.getAddress();
  }

  /** The version being served. */
  public long version() {
    return versions.version();
  }

  /** Stops taking requests, lets the running ones finish (up to 10 s), then unloads. */
  @Override
  public void close() {
    http.stop(1);
    threads.shutdown();
    try {
      threads.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    close(versions, segmenter);
  }

  private static void close(ModelVersions versions, Segmenter segmenter) {
    segmenter.close();
    versions.close();
  }
}
