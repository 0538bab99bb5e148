package org.tfseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Layers;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.SummaryRow;
import org.tfseg.graph.VariableStore;

class UNetTest {
  @Test
  void seed000ParameterCountsAndOutputShape() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, 1);
      List<SummaryRow> rows = new ArrayList<>();
      Operand<TFloat32> x =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 256, 256, 3)));
      List<Operand<TFloat32>> out =
          new UNet(64, 4, 1).build(new Layers(tf, store, true, null, rows), x);
      assertArrayEquals(new long[] {-1, 256, 256, 1}, out.get(0).shape().asArray());
      assertEquals(31_402_497L, store.parameterCount());
      assertEquals(31_390_721L, store.trainable().stream().mapToLong(ModelVariable::size).sum());
      assertEquals(11_776L, store.nonTrainable().stream().mapToLong(ModelVariable::size).sum());
      assertEquals(31_402_497L, rows.stream().mapToLong(SummaryRow::params).sum());
      // a second (inference) tower shares every weight
      new UNet(64, 4, 1).build(new Layers(tf.withSubScope("infer"), store, false, null, null), x);
      assertEquals(31_402_497L, store.parameterCount());
    }
  }

  @Test
  void smallWidthAndDepthAreConfigurable() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, 1);
      Operand<TFloat32> x =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 32, 48, 3)));
      List<Operand<TFloat32>> out =
          new UNet(4, 2, 1).build(new Layers(tf, store, true, null, null), x);
      assertArrayEquals(new long[] {-1, 32, 48, 1}, out.get(0).shape().asArray());
      // enc 3→4→4, 4→8→8; bottleneck 8→16→16; dec (16+8)→8→8, (8+4)→4→4; head 4→1; each BN 4·c
      long expected =
          conv(3, 4)
              + conv(4, 4)
              + conv(4, 8)
              + conv(8, 8)
              + conv(8, 16)
              + conv(16, 16)
              + conv(24, 8)
              + conv(8, 8)
              + conv(12, 4)
              + conv(4, 4)
              + (4 + 1)
              + 4L * 2 * (4 + 8 + 16 + 8 + 4);
      assertEquals(expected, store.parameterCount());
    }
  }

  private static long conv(int in, int out) {
    return 9L * in * out + out;
  }
}
