package org.tfseg.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Initializer;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.VariableStore;

/**
 * The dynamic loss scale against a hand computation: loss {@code w·x} (gradient {@code x}), SGD
 * with lr 0.5, initial scale 8, growth after 2 finite steps. A step fed {@code x = ∞} has a
 * non-finite gradient: its update and step count are skipped and the scale halves (floor 1).
 */
class LossScaleTest {
  @Test
  void halvesAndSkipsOnOverflowGrowsAfterGoodSteps() {
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      Placeholder<TFloat32> x = tf.withName("x").placeholder(TFloat32.class);
      VariableStore store = new VariableStore(tf, 1);
      ModelVariable w = store.get("w", Shape.scalar(), Initializer.constant(3f), true);
      Sgd sgd = new Sgd(tf, 0.5, 0.0, false);
      LossScale scale = new LossScale(tf, 8f, 2);
      Operand<TFloat32> loss = tf.math.mul(w.value(), x);
      Op step = sgd.minimize(loss, List.of(w), List.of(), scale);
      try (Session s = new Session(graph)) {
        s.initialize();
        // x, then expected (w, scale, good steps, iterations) after the step
        float inf = Float.POSITIVE_INFINITY;
        float nan = Float.NaN;
        double[][] plan = {
          {1, 3 - 0.5, 8, 1, 1}, // finite: counter 1
          {2, 2.5 - 1, 16, 0, 2}, // finite: counter reaches 2 → scale doubles, counter resets
          {inf, 1.5, 8, 0, 2}, // overflow: skipped, halved
          {4, 1.5 - 2, 8, 1, 3},
          {nan, -0.5, 4, 0, 3},
          {inf, -0.5, 2, 0, 3},
          {inf, -0.5, 1, 0, 3},
          {inf, -0.5, 1, 0, 3}, // floor 1
          {1, -1, 1, 1, 4},
          {1, -1.5, 2, 0, 5},
        };
        for (int i = 0; i < plan.length; i++) {
          try (TFloat32 xv = TFloat32.scalarOf((float) plan[i][0])) {
            s.runner().feed(x, xv).addTarget(step).run();
          }
          try (Result r = s.runner().fetch(w.variable()).run()) {
            assertEquals(plan[i][1], ((TFloat32) r.get(0)).getFloat(), 1e-6, "w after step " + i);
          }
          assertEquals(plan[i][2], scale.scale(s), 0, "scale after step " + i);
          assertEquals((long) plan[i][3], scale.goodSteps(s), "good steps after step " + i);
          assertEquals((long) plan[i][4], sgd.iterations(s), "iterations after step " + i);
        }
      }
    }
  }
}
