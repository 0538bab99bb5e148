package org.tfseg.serve;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.tfseg.UserError;
import org.tfseg.export.ServingLayout;

/**
 * The served version: the newest under {@code BASE/NAME/}, loaded at start and replaced when a
 * newer one appears (TF Serving's "latest" policy). A new version is loaded and warmed up while the
 * old one keeps answering; then new requests go to the new one, and the old one is closed once its
 * in-flight requests have finished. A version that fails to load is reported and skipped; the old
 * one stays.
 */
final class ModelVersions implements AutoCloseable {
  private final Path modelDir;
  private final PrintStream log;
  private final AtomicReference<ServedModel> current = new AtomicReference<>();
  private final Set<Long> failed = new HashSet<>();
  private final ScheduledExecutorService poller;

  ModelVersions(Path basePath, String name, long pollMillis, PrintStream log) throws IOException {
    this.modelDir = basePath.resolve(ServingLayout.checkName(name));
    this.log = log;
    OptionalLong latest = ServingLayout.latest(modelDir);
    if (latest.isEmpty()) {
      throw new UserError(
          modelDir
              + ": no version (a numeric folder with a saved_model.pb; write one with"
              + " 'tfseg export --layout tf-serving')");
    }
    try {
      current.set(load(latest.getAsLong()));
    } catch (RuntimeException e) {
      throw new UserError(
          modelDir.resolve(Long.toString(latest.getAsLong()))
              + ": cannot load the SavedModel ("
              + ServedModel.firstLine(e.getMessage())
              + ")");
    }
    poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "tfseg-version-poller");
              t.setDaemon(true);
              return t;
            });
    poller.scheduleWithFixedDelay(this::poll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
  }

  /** A reference to the current version; the caller must {@link ServedModel#release} it. */
  ServedModel acquire() {
    while (true) {
      ServedModel m = current.get();
      if (m.acquire()) {
        return m;
      }
    }
  }

  long version() {
    return current.get().version;
  }

  private ServedModel load(long version) {
    long start = System.nanoTime();
    ServedModel m = new ServedModel(modelDir.resolve(Long.toString(version)), version);
    Warmup.run(m);
    log.printf(
        "loaded version %d of %s in %.1f s%n",
        version, modelDir.getFileName(), (System.nanoTime() - start) / 1e9);
    return m;
  }

  private void poll() {
    try {
      OptionalLong latest = ServingLayout.latest(modelDir);
      ServedModel old = current.get();
      if (latest.isEmpty()
          || latest.getAsLong() <= old.version
          || failed.contains(latest.getAsLong())) {
        return;
      }
      ServedModel next;
      try {
        next = load(latest.getAsLong());
      } catch (RuntimeException e) {
        failed.add(latest.getAsLong());
        log.printf(
            "version %d failed to load, still serving %d: %s%n",
            latest.getAsLong(), old.version, ServedModel.firstLine(e.getMessage()));
        return;
      }
      current.set(next);
      old.release();
      log.printf(
          "now serving version %d (version %d unloads after its in-flight requests)%n",
          next.version, old.version);
    } catch (IOException | RuntimeException e) {
      log.println("version poll failed: " + e);
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
    try {
      poller.awaitTermination(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    current.get().release();
  }
}
