package org.tfseg.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.tfseg.export.Mask;

/**
 * Request batching as TF Serving's {@code --enable_batching} does it: request threads queue their
 * image; one worker takes the first waiting image, waits at most {@code batchTimeoutMicros} for
 * more up to {@code maxBatchSize}, and runs them in one call of the batch signature. If the batch
 * fails (one image decodes badly), each image is run alone so only the bad one fails.
 */
final class Batcher implements Segmenter {
  private record Job(byte[] image, CompletableFuture<Segmented> result) {}

  private final ModelVersions versions;
  private final ServeOptions.Batching options;
  private final LinkedBlockingQueue<Job> queue = new LinkedBlockingQueue<>();
  private final Thread worker;
  private volatile boolean closed;

  Batcher(ModelVersions versions, ServeOptions.Batching options) {
    this.versions = versions;
    this.options = options;
    this.worker = new Thread(this::loop, "tfseg-batcher");
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public Segmented segment(byte[] image) throws InterruptedException {
    Job job = new Job(image, new CompletableFuture<>());
    queue.put(job);
    try {
      return job.result.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private void loop() {
    List<Job> batch = new ArrayList<>();
    while (!closed) {
      try {
        batch.add(queue.take());
        long deadline = System.nanoTime() + options.batchTimeoutMicros() * 1000;
        while (batch.size() < options.maxBatchSize()) {
          Job next = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
          if (next == null) {
            break;
          }
          batch.add(next);
        }
        run(batch);
      } catch (InterruptedException e) {
        break;
      } finally {
        batch.forEach(j -> j.result.completeExceptionally(new IllegalStateException("stopped")));
        batch.clear();
      }
    }
  }

  private void run(List<Job> batch) {
    ServedModel m = versions.acquire();
    try {
      List<Mask> masks;
      try {
        masks = m.segmentBatch(batch.stream().map(Job::image).toList());
      } catch (RuntimeException e) {
        for (Job j : batch) {
          try {
            j.result.complete(new Segmented(m.segment(j.image), m.version));
          } catch (RuntimeException alone) {
            j.result.completeExceptionally(alone);
          }
        }
        return;
      }
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).result.complete(new Segmented(masks.get(i), m.version));
      }
    } finally {
      m.release();
    }
  }

  @Override
  public void close() {
    closed = true;
    worker.interrupt();
  }
}
