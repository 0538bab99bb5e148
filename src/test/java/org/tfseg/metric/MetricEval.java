package org.tfseg.metric;

import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Runs a metric's statistics on constant probabilities {@code [1, 1, P, C]} and targets {@code [1,
 * 1, P, 1]}.
 */
final class MetricEval {
  private MetricEval() {}

  static double result(StreamingMetric m, float[] probabilities, float[] targets) {
    return m.result(totals(m, probabilities, targets));
  }

  static double[] totals(StreamingMetric m, float[] probabilities, float[] targets) {
    int c = probabilities.length / targets.length;
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> p =
          tf.constant(
              Shape.of(1, 1, targets.length, c), DataBuffers.of(probabilities, true, false));
      Operand<TFloat32> y =
          tf.constant(Shape.of(1, 1, targets.length, 1), DataBuffers.of(targets, true, false));
      List<Operand<TFloat64>> stats = m.statistics(tf, p, y);
      Session.Runner r = s.runner();
      stats.forEach(r::fetch);
      try (Result res = r.run()) {
        double[] totals = new double[stats.size()];
        for (int i = 0; i < totals.length; i++) {
          totals[i] = ((TFloat64) res.get(i)).getDouble();
        }
        return totals;
      }
    }
  }
}
