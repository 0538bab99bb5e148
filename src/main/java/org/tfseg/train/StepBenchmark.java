package org.tfseg.train;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Tensors;
import org.tfseg.model.ModelSummary;

/**
 * Times training steps (forward, loss, backward, optimizer update) on one fixed random batch at the
 * training size, after untimed warm-up steps, as timm's {@code benchmark.py} does.
 */
public final class StepBenchmark {
  /**
   * @param buildSeconds the wait before the first step computes: graph (forward, gradients,
   *     optimizer), session, initialization run and the training step's executor (which TensorFlow
   *     would otherwise build inside the first step)
   * @param stepMillis each timed step
   * @param memory the allocation trace of one more step after the timed ones, or null
   */
  public record Result(
      ModelSummary summary,
      double buildSeconds,
      int batch,
      int warmup,
      double[] stepMillis,
      AllocationTrace memory) {
    public double mean() {
      return Arrays.stream(stepMillis).average().orElse(Double.NaN);
    }

    public double median() {
      return sorted()[stepMillis.length / 2];
    }

    public double min() {
      return sorted()[0];
    }

    public double max() {
      return sorted()[stepMillis.length - 1];
    }

    private double[] sorted() {
      double[] s = stepMillis.clone();
      Arrays.sort(s);
      return s;
    }
  }

  private StepBenchmark() {}

  /**
   * @param traceMemory also trace one more step ({@link TrainingGraph#traceTrainStep}) after the
   *     timed ones, which tracing would slow down
   */
  public static Result run(
      ModelSpec spec, int batch, int warmup, int steps, long seed, boolean traceMemory) {
    int h = spec.trainHeight();
    int w = spec.trainWidth();
    int c = spec.channels();
    SplittableRandom r = new SplittableRandom(seed);
    float[] x = new float[batch * h * w * c];
    float[] y = new float[batch * h * w];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextDouble();
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = r.nextDouble() < 0.3 ? 1f : 0f;
    }
    long startBuild = System.nanoTime();
    try (TrainingGraph g = new TrainingGraph(spec);
        TFloat32 xt = Tensors.of(Shape.of(batch, h, w, c), x);
        TFloat32 yt = Tensors.of(Shape.of(batch, h, w, 1), y)) {
      g.prepareTrainStep();
      double build = (System.nanoTime() - startBuild) / 1e9;
      for (int i = 0; i < warmup; i++) {
        g.train(xt, yt);
      }
      double[] ms = new double[steps];
      for (int i = 0; i < steps; i++) {
        long t0 = System.nanoTime();
        g.train(xt, yt);
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      AllocationTrace memory = traceMemory ? g.traceTrainStep(xt, yt) : null;
      return new Result(g.summary(), build, batch, warmup, ms, memory);
    }
  }
}
