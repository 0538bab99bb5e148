package org.tfseg.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.GradientCheck;

class BinaryCrossEntropyTest {
  @Test
  void valueEqualsHandComputation() {
    float[] logits = {-3f, -0.5f, 0f, 0.7f, 2f, 25f};
    float[] targets = {0f, 1f, 0.5f, 1f, 0f, 1f};
    double expected = 0;
    for (int i = 0; i < logits.length; i++) {
      double p = 1 / (1 + Math.exp(-logits[i]));
      expected -= targets[i] * Math.log(p) + (1 - targets[i]) * Math.log(1 - p);
    }
    expected /= logits.length;
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> x = tf.reshape(tf.constant(logits), tf.constant(new int[] {1, 2, 3, 1}));
      Operand<TFloat32> y = tf.reshape(tf.constant(targets), tf.constant(new int[] {1, 2, 3, 1}));
      Operand<TFloat32> loss = new BinaryCrossEntropy().build(tf, List.of(x), y);
      try (Result r = s.runner().fetch(loss).run()) {
        assertEquals(expected, ((TFloat32) r.get(0)).getFloat(), 1e-6);
      }
    }
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    float[] soft = new float[32];
    for (int i = 0; i < soft.length; i++) {
      soft[i] = (i % 3 == 0) ? 1f : (i % 3 == 1 ? 0f : 0.25f + i / 64f);
    }
    GradientCheck.of(
            Shape.of(2, 4, 4, 1),
            (l, x) -> {
              Ops tf = l.tf();
              Operand<TFloat32> target =
                  tf.reshape(tf.constant(soft), tf.constant(new int[] {2, 4, 4, 1}));
              return new BinaryCrossEntropy().build(tf, List.of(x), target);
            })
        .inputs(-4f, 8f)
        .run();
  }
}
