package org.tfseg.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.Tensors;
import org.tfseg.loss.BinaryCrossEntropy;
import org.tfseg.metric.Precision;
import org.tfseg.model.UNet;
import org.tfseg.optim.Adam;
import org.tfseg.optim.CosineDecayConfig;
import org.tfseg.optim.GradientClipping;
import org.tfseg.optim.L2Penalty;
import org.tfseg.optim.Optimizer;
import org.tfseg.optim.OptimizerOptions;
import org.tfseg.optim.PiecewiseConstantConfig;
import org.tfseg.optim.RegularizationConfig;
import org.tfseg.optim.WarmupConfig;
import org.tfseg.optim.WeightGroup;

/** The training graph with a schedule and a weight penalty: what each step used and logged. */
class TrainingKnobsTest {
  private static final int N = 2, H = 16, W = 16;

  /**
   * Each step runs at the schedule's rate for its 0-based step, which the step result reports and
   * the learning-rate variable then holds: warmup 0.001 → 0.01 over 4 steps, 0.01 up to step 6,
   * 0.004 up to step 9, then 0.001.
   */
  @Test
  void aScheduleChangesTheLearningRateVariableEveryStep() {
    OptimizerOptions options =
        new OptimizerOptions(
            new PiecewiseConstantConfig(
                    List.of(2L, 5L), List.of(0.004, 0.001), new WarmupConfig(4L, 0.001))
                .build(),
            0.0,
            java.util.Set.of(),
            null);
    double[] expected = {
      0.001, 0.00325, 0.0055, 0.00775, 0.01, 0.01, 0.01, 0.004, 0.004, 0.004, 0.001, 0.001
    };
    try (TrainingGraph g =
            new TrainingGraph(spec(tf -> new Adam(tf, 0.01, 0.9, 0.999, 1e-7, options), null));
        TFloat32 x = Tensors.of(Shape.of(N, H, W, 3), random(N * H * W * 3, 2));
        TFloat32 y = Tensors.of(Shape.of(N, H, W, 1), mask())) {
      Optimizer opt = g.optimizer();
      assertEquals(0.001f, opt.learningRate(g.session()), 0, "before the first step: schedule(0)");
      for (int step = 0; step < expected.length; step++) {
        StepResult r = g.train(x, y);
        assertEquals((float) expected[step], r.learningRate(), 0, "rate of step " + (step + 1));
        assertEquals((float) expected[step], opt.learningRate(g.session()), 0, "variable after it");
      }
      assertEquals(expected.length, opt.iterations(g.session()));
    }
  }

  /**
   * With an L2 penalty the training and validation losses of the untouched weights exceed the plain
   * ones by exactly {@code l2·Σ kernel²} (Keras adds {@code model.losses} to both).
   */
  @Test
  void thePenaltyIsAddedToTheTrainingAndValidationLoss() {
    RegularizationConfig l2 = new RegularizationConfig(0.05, null);
    Function<Ops, Optimizer> sgd = tf -> new Adam(tf, 1e-3, 0.9, 0.999, 1e-7);
    try (TrainingGraph plain = new TrainingGraph(spec(sgd, null));
        TrainingGraph penalised = new TrainingGraph(spec(sgd, l2.build()));
        TFloat32 x = Tensors.of(Shape.of(N, H, W, 3), random(N * H * W * 3, 3));
        TFloat32 y = Tensors.of(Shape.of(N, H, W, 1), mask())) {
      double expected = 0;
      List<float[]> weights = penalised.weights();
      List<ModelVariable> vars = penalised.store().all();
      int kernels = 0;
      for (int i = 0; i < vars.size(); i++) {
        if (vars.get(i).trainable() && vars.get(i).name().endsWith("/kernel")) {
          kernels++;
          for (float w : weights.get(i)) {
            expected += 0.05 * w * w;
          }
        }
      }
      assertEquals(kernels, l2.build().covered(penalised.store().trainable()).size());
      double val = penalised.evaluate(x, y).loss() - plain.evaluate(x, y).loss();
      double train = penalised.train(x, y).loss() - plain.train(x, y).loss();
      assertTrue(expected > 0.01, "a visible penalty: " + expected);
      assertEquals(expected, val, 1e-5 * expected, "validation loss");
      assertEquals(expected, train, 1e-5 * expected, "training loss");
    }
  }

  /**
   * The schedule's step is the checkpointed {@code optimizer/iterations}: a run saved after 5 steps
   * and resumed in a new graph continues the same rate curve (warmup, then cosine) and ends with
   * the same bits as the run that never stopped, with AdamW, global clipping and an L2 penalty on.
   */
  @Test
  void aResumedRunContinuesTheSameRateCurve(@TempDir Path tmp) throws Exception {
    OptimizerOptions options =
        new OptimizerOptions(
            new CosineDecayConfig(6L, 0.1, new WarmupConfig(3L, 0.0)).build(),
            0.01,
            java.util.Set.of(WeightGroup.BIAS, WeightGroup.BATCH_NORM),
            new GradientClipping(GradientClipping.Kind.GLOBAL_CLIPNORM, 0.5));
    Function<Ops, Optimizer> adamw = tf -> new Adam(tf, 0.01, 0.9, 0.999, 1e-7, options);
    L2Penalty l2 = new RegularizationConfig(1e-3, null).build();
    int steps = 12;
    int split = 5;
    double[] whole = new double[steps];
    double[] resumed = new double[steps];
    List<float[]> wholeWeights;
    List<float[]> resumedWeights;
    String prefix = tmp.resolve("ckpt").toString();
    try (TFloat32 x = Tensors.of(Shape.of(N, H, W, 3), random(N * H * W * 3, 4));
        TFloat32 y = Tensors.of(Shape.of(N, H, W, 1), mask())) {
      try (TrainingGraph g = new TrainingGraph(spec(adamw, l2))) {
        for (int s = 0; s < steps; s++) {
          whole[s] = g.train(x, y).learningRate();
        }
        wholeWeights = g.weights();
      }
      try (TrainingGraph g = new TrainingGraph(spec(adamw, l2))) {
        for (int s = 0; s < split; s++) {
          resumed[s] = g.train(x, y).learningRate();
        }
        g.save(prefix);
      }
      try (TrainingGraph g = new TrainingGraph(spec(adamw, l2))) {
        g.restore(prefix);
        assertEquals(split, g.optimizer().iterations(g.session()));
        assertEquals((float) resumed[split - 1], g.optimizer().learningRate(g.session()), 0);
        for (int s = split; s < steps; s++) {
          resumed[s] = g.train(x, y).learningRate();
        }
        resumedWeights = g.weights();
      }
    }
    assertArrayEquals(whole, resumed, "rates of steps 1.." + steps);
    // the curve itself: ramp 0, 1/3, 2/3 of 0.01, then the cosine from 0.01 down to 0.001
    assertEquals(0f, whole[0], 0);
    assertEquals((float) 0.01, whole[3], 0);
    assertEquals((float) 0.001, whole[9], 0);
    assertTrue(whole[4] < whole[3] && whole[5] < whole[4], java.util.Arrays.toString(whole));
    for (int i = 0; i < wholeWeights.size(); i++) {
      assertArrayEquals(wholeWeights.get(i), resumedWeights.get(i), "weight " + i);
    }
  }

  private static ModelSpec spec(Function<Ops, Optimizer> optimizer, L2Penalty penalty) {
    return ModelSpec.builder(
            new UNet(4, 2, 1),
            H,
            W,
            3,
            new BinaryCrossEntropy(),
            optimizer,
            List.of(new Precision(0.5)),
            1)
        .regularization(penalty)
        .build();
  }

  private static float[] mask() {
    float[] m = new float[N * H * W];
    for (int i = 0; i < m.length; i += 3) {
      m[i] = 1;
    }
    return m;
  }

  private static float[] random(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = (float) r.nextDouble();
    }
    return f;
  }
}
