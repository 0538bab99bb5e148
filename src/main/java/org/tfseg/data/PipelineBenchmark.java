package org.tfseg.data;

import java.util.List;
import org.tfseg.UserError;

/** Measures how fast an {@link InputPipeline} delivers images (decode + resize + batch). */
public final class PipelineBenchmark {
  private PipelineBenchmark() {}

  /**
   * Images delivered in the timed epochs and the seconds they took, and the seconds of the untimed
   * first epoch (which also fills a {@code data.cache}).
   */
  public record Result(long images, double seconds, double firstEpochSeconds) {
    public double imagesPerSecond() {
      return images / seconds;
    }
  }

  /**
   * Runs one warm-up epoch (graph optimisation, thread start-up and file cache excluded), then
   * {@code epochs} timed epochs.
   */
  public static Result run(List<SamplePair> samples, PipelineOptions opts, int epochs) {
    if (epochs < 1) {
      throw new UserError("benchmark epochs " + epochs + " must be at least 1");
    }
    try (InputPipeline pipeline = new InputPipeline(samples, opts)) {
      return run(pipeline, epochs);
    }
  }

  /** As {@link #run(List, PipelineOptions, int)}, on a pipeline the caller built and closes. */
  public static Result run(InputPipeline pipeline, int epochs) {
    if (epochs < 1) {
      throw new UserError("benchmark epochs " + epochs + " must be at least 1");
    }
    long first = System.nanoTime();
    drain(pipeline, 0);
    long images = 0;
    long start = System.nanoTime();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      images += drain(pipeline, epoch);
    }
    return new Result(images, (System.nanoTime() - start) / 1e9, (start - first) / 1e9);
  }

  private static long drain(InputPipeline pipeline, int epoch) {
    long images = 0;
    try (BatchIterator batches = pipeline.epoch(epoch)) {
      while (batches.hasNext()) {
        try (Batch batch = batches.next()) {
          images += batch.size();
        }
      }
    }
    return images;
  }
}
