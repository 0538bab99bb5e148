package org.tfseg.metric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

class StreamingMetricTest {
  // 8 pixels: predictions and targets (0.3 is a soft edge: non-zero counts as positive, as in Keras)
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
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      int[] shape = {1, 2, 4, 1};
      Operand<TFloat32> p = tf.reshape(tf.constant(P), tf.constant(shape));
      Operand<TFloat32> y = tf.reshape(tf.constant(Y), tf.constant(shape));
      List<Operand<TFloat64>> stats = m.statistics(tf, p, y);
      Session.Runner r = s.runner();
      stats.forEach(r::fetch);
      try (Result res = r.run()) {
        double[] totals = new double[stats.size()];
        for (int i = 0; i < totals.length; i++) {
          totals[i] = ((TFloat64) res.get(i)).getDouble();
        }
        return m.result(totals);
      }
    }
  }
}
