package org.tfseg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tfseg.loss.BinaryCrossEntropy;
import org.tfseg.metric.Precision;
import org.tfseg.model.UNet;
import org.tfseg.optim.Adam;
import org.tfseg.train.ModelSpec;
import org.tfseg.train.TrainingGraph;

/**
 * Initial values are pinned bit for bit (hashes taken before initializers were made non-foldable),
 * and no initializer can be constant-folded by TensorFlow.
 */
class InitializerTest {
  /** Every kind of initializer, in a store of its own. */
  private static void variables(VariableStore store) {
    store.get("a/kernel", Shape.of(3, 3, 4, 8), Initializer.glorotUniform(), true);
    store.get("a/bias", Shape.of(8), Initializer.zeros(), true);
    store.get("b/gamma", Shape.of(8), Initializer.ones(), true);
    store.get("b/scale", Shape.of(2, 5), Initializer.constant(3.5f), true);
    store.get("c/kernel", Shape.of(4, 4, 8, 2), Initializer.randomNormal(0.0, 0.02), true);
    store.get("d/matrix", Shape.of(16, 3), Initializer.glorotUniform(), true);
  }

  private static long hash(List<float[]> values) {
    long h = 1125899906842597L;
    for (float[] f : values) {
      for (float v : f) {
        h = 31 * h + Float.floatToRawIntBits(v);
      }
    }
    return h;
  }

  @Test
  void initialValuesArePinned() {
    try (Graph g = new Graph()) {
      VariableStore store = new VariableStore(Ops.create(g), 42);
      variables(store);
      try (Session s = new Session(g)) {
        s.initialize();
        Session.Runner r = s.runner();
        store.all().forEach(v -> r.fetch(v.variable()));
        List<float[]> values = new ArrayList<>();
        try (Result res = r.run()) {
          for (int i = 0; i < store.all().size(); i++) {
            values.add(Tensors.floats((TFloat32) res.get(i)));
          }
        }
        assertEquals(3.5f, values.get(3)[9]);
        assertEquals(0xc57c83d828daa09aL, hash(values), Long.toHexString(hash(values)));
      }
    }
  }

  @Test
  void trainingGraphWeightsArePinned() {
    ModelSpec spec =
        ModelSpec.builder(
                new UNet(4, 1, 1),
                16,
                16,
                3,
                new BinaryCrossEntropy(),
                tf -> new Adam(tf, 1e-3, 0.9, 0.999, 1e-7),
                List.of(new Precision(0.5)),
                7)
            .build();
    try (TrainingGraph g = new TrainingGraph(spec)) {
      long h = hash(g.weights());
      assertEquals(0xcada170c5f8a3c36L, h, Long.toHexString(h));
    }
  }

  /**
   * Grappler and the session's graph optimizer fold an op whose inputs are all constants: the seed
   * or fill value of every initializer comes through a stateful op instead.
   */
  @Test
  void initializersAreNotConstantFoldable() {
    try (Graph g = new Graph()) {
      variables(new VariableStore(Ops.create(g), 42));
      Set<String> valueOps = Set.of("Fill", "StatelessRandomUniform", "StatelessRandomNormal");
      int checked = 0;
      for (var it = g.operations(); it.hasNext(); ) {
        GraphOperation op = it.next();
        if (!valueOps.contains(op.type())) {
          continue;
        }
        GraphOperation value = (GraphOperation) op.input(1).op();
        assertEquals("Print", value.type(), op.name() + " reads " + value.name());
        assertEquals("Const", ((GraphOperation) op.input(0).op()).type(), "static shape");
        checked++;
      }
      assertEquals(6, checked);
      assertTrue(g.operation("a/kernel") != null);
    }
  }
}
