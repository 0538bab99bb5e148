package org.tfseg.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StreamingMetricTest {
  // 8 pixels: predictions and targets (0.3 is a soft edge: non-zero counts as positive, as in
  // Keras)
  private static final float[] P = {0.9f, 0.6f, 0.5f, 0.2f, 0.51f, 0.0f, 0.99f, 0.4f};
  private static final float[] Y = {1f, 0f, 1f, 0f, 0.3f, 0f, 1f, 1f};

  @Test
  void precisionRecallMaeOnKnownPixels() {
    // predicted (p > 0.5): 0,1,4,6; actual (y != 0): 0,2,4,6,7 → TP 3 (0,4,6), FP 1 (1), FN 2 (2,7)
    assertEquals(3.0 / 4.0, eval(new Precision(0.5)), 1e-12);
    assertEquals(3.0 / 5.0, eval(new Recall(0.5)), 1e-12);
    double mae = 0;
    for (int i = 0; i < P.length; i++) {
      mae += Math.abs(P[i] - Y[i]);
    }
    assertEquals(mae / P.length, eval(new MeanAbsoluteError()), 1e-6);
  }

  @Test
  void emptyDenominatorsGiveZero() {
    assertEquals(0.0, new Precision(0.5).result(new double[] {0, 0}));
    assertEquals(0.0, new Recall(0.5).result(new double[] {0, 0}));
  }

  private static double eval(StreamingMetric m) {
    return MetricEval.result(m, P, Y);
  }
}
