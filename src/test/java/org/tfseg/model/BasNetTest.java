package org.tfseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Layers;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.SummaryRow;
import org.tfseg.graph.VariableStore;

class BasNetTest {
  @Test
  void seed004ParameterCounts() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, 1);
      List<SummaryRow> rows = new ArrayList<>();
      Operand<TFloat32> x =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 288, 288, 3)));
      List<Operand<TFloat32>> out = new BasNet().build(new Layers(tf, store, true, null, rows), x);
      assertEquals(BasNet.OUTPUTS, out.size());
      for (Operand<TFloat32> o : out) {
        assertArrayEquals(new long[] {-1, 288, 288, 1}, o.shape().asArray());
      }
      assertEquals(108_886_792L, store.parameterCount());
      assertEquals(108_834_952L, store.trainable().stream().mapToLong(ModelVariable::size).sum());
      assertEquals(51_840L, store.nonTrainable().stream().mapToLong(ModelVariable::size).sum());
      assertEquals(108_886_792L, rows.stream().mapToLong(SummaryRow::params).sum());
      assertEquals("Add", out.get(0).op().type(), "the refined map is coarse + residual");
      assertEquals("ResizeBilinear", out.get(1).op().type());
    }
  }

  @Test
  void reducedWidthForwardPassGivesEightInputSizedMaps() {
    int batch = 2;
    int h = 64;
    int w = 96;
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, 1);
      Operand<TFloat32> x =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, h, w, 3)));
      List<Operand<TFloat32>> out =
          new BasNet(2, 3, 1).build(new Layers(tf, store, false, null, null), x);
      float[] pixels = new float[batch * h * w * 3];
      SplittableRandom rnd = new SplittableRandom(5);
      for (int i = 0; i < pixels.length; i++) {
        pixels[i] = (float) rnd.nextDouble();
      }
      try (Session s = new Session(g);
          TFloat32 images =
              TFloat32.tensorOf(Shape.of(batch, h, w, 3), DataBuffers.of(pixels, true, false))) {
        Session.Runner runner = s.runner().feed(x, images);
        out.forEach(runner::fetch);
        try (Result r = runner.run()) {
          assertEquals(BasNet.OUTPUTS, r.size());
          for (int k = 0; k < BasNet.OUTPUTS; k++) {
            TFloat32 t = (TFloat32) r.get(k);
            assertArrayEquals(new long[] {batch, h, w, 1}, t.shape().asArray(), "output " + k);
            float[] v = new float[(int) t.shape().size()];
            t.asRawTensor().data().asFloats().read(v);
            for (float f : v) {
              assertTrue(Float.isFinite(f), "output " + k);
            }
          }
        }
      }
    }
  }

  @Test
  void rejectsSizesTheDecoderCannotRebuild() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Layers l = new Layers(tf, new VariableStore(tf, 1), true, null, null);
      Operand<TFloat32> x =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 48, 64, 3)));
      assertThrows(IllegalArgumentException.class, () -> new BasNet(2, 2, 1).build(l, x));
    }
  }
}
