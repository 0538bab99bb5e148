package org.tfseg.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Tensors;
import org.tfseg.loss.BinaryCrossEntropy;
import org.tfseg.metric.Precision;
import org.tfseg.model.UNet;
import org.tfseg.optim.Adam;
import org.tfseg.train.AllocationTrace.OpAllocation;

/** {@link TrainingGraph#traceTrainStep}: a real step, and a breakdown that adds up. */
class AllocationTraceTest {
  private static final int N = 2, H = 32, W = 32;

  private static ModelSpec spec() {
    return ModelSpec.builder(
            new UNet(64, 2, 1),
            H,
            W,
            3,
            new BinaryCrossEntropy(),
            tf -> new Adam(tf, 1e-2, 0.9, 0.999, 1e-7),
            List.of(new Precision(0.5)),
            5)
        .build();
  }

  @Test
  void tracedStepTrainsAsAPlainOneAndItsMemoryAddsUp() {
    try (TrainingGraph traced = new TrainingGraph(spec());
        TrainingGraph plain = new TrainingGraph(spec());
        TFloat32 x =
            Tensors.of(Shape.of(N, H, W, 3), StepPreparationTest.random(N * H * W * 3, 1));
        TFloat32 y = Tensors.of(Shape.of(N, H, W, 1), StepPreparationTest.random(N * H * W, 2))) {
      AllocationTrace m = traced.traceTrainStep(x, y);
      plain.train(x, y);
      List<float[]> a = traced.weights();
      List<float[]> b = plain.weights();
      for (int i = 0; i < a.size(); i++) {
        assertArrayEquals(b.get(i), a.get(i), "variable " + i);
      }

      long trainable = 0;
      for (var v : traced.store().trainable()) {
        trainable += v.size() * 4L;
      }
      // Between steps the allocator holds every weight and both Adam slots of each.
      assertTrue(m.heldBytes() >= 3 * trainable, m + " vs " + trainable + " bytes of weights");
      // Every gradient is alive at once (the updates wait for all of them).
      assertTrue(m.peakBytes() >= m.heldBytes() + trainable, m.toString());
      // What the step added on top of the held bytes was allocated by its ops.
      long allocated = m.byOpType().stream().mapToLong(OpAllocation::bytes).sum();
      assertTrue(allocated >= m.peakBytes() - m.heldBytes(), m.toString());
      for (int i = 1; i < m.byOpType().size(); i++) {
        assertTrue(m.byOpType().get(i - 1).bytes() >= m.byOpType().get(i).bytes());
      }
      // Op types read as in the graph, not as oneDNN's rewritten kernels.
      assertTrue(m.byOpType().stream().noneMatch(o -> o.opType().startsWith("_Mkl")), m.toString());
      assertTrue(
          m.byOpType().stream().anyMatch(o -> o.opType().contains("Conv2D") && o.bytes() > 0),
          m.toString());
      assertEquals(
          m.byOpType().size(), m.byOpType().stream().map(OpAllocation::opType).distinct().count());
    }
  }
}
