package org.tfseg.serve;

import java.nio.file.Path;

/**
 * How {@code tfseg serve} runs.
 *
 * @param threads request threads (each runs its request's session call)
 * @param maxBodyBytes the largest request body taken; a larger one is answered 413
 * @param maxPixels the largest image (width × height, read from its header before decoding)
 * @param pollMillis how often the base path is checked for a new version
 * @param batching {@code :segment} requests grouped into one session run, or null
 */
public record ServeOptions(
    Path basePath,
    String modelName,
    String host,
    int port,
    int threads,
    int maxBodyBytes,
    long maxPixels,
    long pollMillis,
    Batching batching) {
  /** Defaults: 127.0.0.1:8501, 8 threads, 16 MiB bodies, 4096² pixels, 1 s polling, no batching. */
  public static ServeOptions defaults(Path basePath, String modelName) {
    return new ServeOptions(
        basePath, modelName, "127.0.0.1", 8501, 8, 16 << 20, 4096L * 4096, 1000, null);
  }

  public ServeOptions withPort(int port) {
    return new ServeOptions(
        basePath, modelName, host, port, threads, maxBodyBytes, maxPixels, pollMillis, batching);
  }

  public ServeOptions withBatching(Batching b) {
    return new ServeOptions(
        basePath, modelName, host, port, threads, maxBodyBytes, maxPixels, pollMillis, b);
  }

  public ServeOptions withLimits(int maxBodyBytes, long maxPixels) {
    return new ServeOptions(
        basePath, modelName, host, port, threads, maxBodyBytes, maxPixels, pollMillis, batching);
  }

  public ServeOptions withPollMillis(long pollMillis) {
    return new ServeOptions(
        basePath, modelName, host, port, threads, maxBodyBytes, maxPixels, pollMillis, batching);
  }

  /** TF Serving's batching knobs: at most {@code maxBatchSize} images, waiting at most so long. */
  public record Batching(int maxBatchSize, long batchTimeoutMicros) {}
}
