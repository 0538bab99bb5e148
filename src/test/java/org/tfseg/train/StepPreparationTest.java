package org.tfseg.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tfseg.graph.Tensors;
import org.tfseg.loss.BinaryCrossEntropy;
import org.tfseg.metric.Precision;
import org.tfseg.model.UNet;
import org.tfseg.optim.Adam;

/** {@link TrainingGraph#prepareTrainStep} builds the step's executor and runs nothing. */
class StepPreparationTest {
  private static final int N = 2, H = 16, W = 16;

  private static ModelSpec spec() {
    return ModelSpec.builder(
            new UNet(2, 1, 1),
            H,
            W,
            3,
            new BinaryCrossEntropy(),
            tf -> new Adam(tf, 1e-2, 0.9, 0.999, 1e-7),
            List.of(new Precision(0.5)),
            3)
        .build();
  }

  private static long iterations(TrainingGraph g) {
    try (Result r = g.session().runner().fetch(g.optimizer().iterations()).run()) {
      return ((TInt64) r.get(0)).getLong();
    }
  }

  /**
   * Inputs and targets in [0, 1], half of them exactly 1 (also for {@link AllocationTraceTest}).
   */
  static float[] random(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = r.nextDouble() < 0.5 ? 1f : (float) r.nextDouble();
    }
    return f;
  }

  @Test
  void preparedStepChangesNothingAndTrainsAsBefore() {
    try (TrainingGraph prepared = new TrainingGraph(spec());
        TrainingGraph plain = new TrainingGraph(spec());
        TFloat32 x = Tensors.of(Shape.of(N, H, W, 3), random(N * H * W * 3, 1));
        TFloat32 y = Tensors.of(Shape.of(N, H, W, 1), random(N * H * W, 2))) {
      List<float[]> before = prepared.weights();
      prepared.prepareTrainStep();
      prepared.prepareTrainStep(); // cached: again a no-op
      List<float[]> after = prepared.weights();
      for (int i = 0; i < before.size(); i++) {
        assertArrayEquals(before.get(i), after.get(i), "variable " + i);
      }
      assertEquals(0, iterations(prepared));
      for (int step = 0; step < 2; step++) {
        StepResult a = prepared.train(x, y);
        StepResult b = plain.train(x, y);
        assertEquals(b.loss(), a.loss(), 0.0, "step " + step);
      }
      assertEquals(2, iterations(prepared));
      List<float[]> wa = prepared.weights();
      List<float[]> wb = plain.weights();
      for (int i = 0; i < wa.size(); i++) {
        assertArrayEquals(wb.get(i), wa.get(i), "variable " + i);
      }
    }
  }
}
