package org.tfseg.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Tensors;
import org.tfseg.io.OutputPaths;

/**
 * Times the exported serving graph as a server runs it: the SavedModel that {@code export} writes
 * (BatchNorm folded), loaded back, batch-1 latency per call and batched throughput, beside the
 * unfolded inference tower on the same inputs, calls interleaved so both see the same machine.
 */
public final class InferenceBenchmark {
  /** Per-call milliseconds of one graph, sorted. */
  public record Latency(double[] millis) {
    public Latency {
      millis = millis.clone();
      Arrays.sort(millis);
    }

    public double p50() {
      return percentile(0.50);
    }

    public double p99() {
      return percentile(0.99);
    }

    /** Nearest-rank percentile. */
    public double percentile(double q) {
      int rank = (int) Math.ceil(q * millis.length);
      return millis[Math.max(0, Math.min(millis.length - 1, rank - 1))];
    }
  }

  /**
   * @param foldedBatchNorms BatchNorm layers folded into convolutions in the served graph
   * @param maxDifference largest |served − unfolded| probability on the batched input
   * @param batchedImagesPerSecond served SavedModel, {@code batch} images per call
   */
  public record Result(
      double buildSeconds,
      int foldedBatchNorms,
      double maxDifference,
      Latency served,
      Latency unfolded,
      int batch,
      double batchedImagesPerSecond,
      double unfoldedBatchedImagesPerSecond) {}

  private InferenceBenchmark() {}

  /**
   * @param plain the unfolded serving graph with the weights to serve (restored or initialised)
   * @param calls timed batch-1 calls per graph; the batched throughput uses a quarter (at least 3)
   */
  public static Result run(
      InferenceGraph plain, int height, int width, int channels, int batch, int warmup, int calls)
      throws java.io.IOException {
    long t0 = System.nanoTime();
    Path dir = Files.createTempDirectory("tfseg-inference-benchmark");
    try (InferenceGraph folded = plain.folded()) {
      folded.exportSavedModel(dir.resolve("model"));
      int folds = folded.foldedBatchNorms();
      try (SavedModelPredictor served = new SavedModelPredictor(dir.resolve("model"));
          TFloat32 one = randomImages(1, height, width, channels, 1);
          TFloat32 many = randomImages(batch, height, width, channels, 2)) {
        double build = (System.nanoTime() - t0) / 1e9;
        double diff = maxDifference(served.predict(many), plain.predict(many));
        for (int i = 0; i < warmup; i++) {
          served.predict(one);
          plain.predict(one);
        }
        double[] s = new double[calls];
        double[] u = new double[calls];
        for (int i = 0; i < calls; i++) {
          s[i] = millis(served, one);
          u[i] = millis(plain, one);
        }
        int batchedCalls = Math.max(3, calls / 4);
        served.predict(many);
        plain.predict(many);
        double sb = 0;
        double ub = 0;
        for (int i = 0; i < batchedCalls; i++) {
          sb += millis(served, many);
          ub += millis(plain, many);
        }
        return new Result(
            build,
            folds,
            diff,
            new Latency(s),
            new Latency(u),
            batch,
            batch * batchedCalls * 1000.0 / sb,
            batch * batchedCalls * 1000.0 / ub);
      }
    } finally {
      OutputPaths.discard(dir);
    }
  }

  private static double millis(Predictor p, TFloat32 images) {
    long t = System.nanoTime();
    p.predict(images);
    return (System.nanoTime() - t) / 1e6;
  }

  private static double maxDifference(float[] a, float[] b) {
    double max = 0;
    for (int i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i] - b[i]));
    }
    return max;
  }

  private static TFloat32 randomImages(int n, int h, int w, int c, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[n * h * w * c];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextDouble();
    }
    return Tensors.of(Shape.of(n, h, w, c), x);
  }
}
