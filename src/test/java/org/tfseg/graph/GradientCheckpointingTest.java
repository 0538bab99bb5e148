package org.tfseg.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tfseg.loss.BinaryCrossEntropy;

/**
 * The backward pass built by {@link GradientCheckpointing} reads, of the forward pass, only the
 * ReLU outputs, a residual-style addition and the weights (so every other activation is freed after
 * the forward pass), and gives TF's gradients. (ModelContractTest compares the gradients on every
 * architecture.)
 */
class GradientCheckpointingTest {
  private static final int N = 2;
  private static final int SIZE = 16;

  @Test
  void backwardPassReadsOnlyCheckpointsAndWeightsAndMatchesTheGradients() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, 5);
      Layers l = new Layers(tf, store, true, null, null);
      Operand<TFloat32> images = tf.constant(Shape.of(N, SIZE, SIZE, 3), data(N * SIZE * SIZE * 3));
      float[] mask = values(N * SIZE * SIZE);
      for (int i = 0; i < mask.length; i++) {
        mask[i] = mask[i] > 0.5f ? 1f : 0f;
      }
      Operand<TFloat32> targets = tf.constant(Shape.of(N, SIZE, SIZE, 1), DataBuffers.of(mask));
      Operand<TFloat32> skip = unit(l, "enc", images, 8);
      Operand<TFloat32> x = unit(l, "mid", l.maxPool("pool", skip, 2), 16);
      x = l.concat("concat", List.of(l.upsampleBilinear("up", x, 2), skip));
      Operand<TFloat32> logits = l.conv2d("head", unit(l, "dec", x, 8), ConvSpec.of(1, 1));
      Operand<TFloat32> loss = new BinaryCrossEntropy().build(tf, List.of(logits), targets);
      Output<?>[] xs =
          store.trainable().stream().map(v -> v.value().asOutput()).toArray(Output<?>[]::new);

      Set<GraphOperation> before = new HashSet<>();
      g.operations().forEachRemaining(op -> before.add((GraphOperation) op));
      Set<GraphOperation> weights = new HashSet<>();
      for (Output<?> w : xs) {
        weights.add((GraphOperation) w.op());
      }
      Set<GraphOperation> fromWeights = descendants(weights);
      Output<?>[] recomputed = GradientCheckpointing.gradients(tf, loss.asOutput(), xs);
      List<String> reads = new ArrayList<>();
      for (Iterator<GraphOperation> it = g.operations(); it.hasNext(); ) {
        GraphOperation op = it.next();
        if (before.contains(op)) {
          continue;
        }
        for (int i = 0; i < op.numInputs(); i++) {
          GraphOperation src = (GraphOperation) op.input(i).op();
          if (before.contains(src) && fromWeights.contains(src) && !weights.contains(src)) {
            reads.add(src.type() + " " + src.name());
          }
        }
      }
      // The three ReLU outputs and, in the loss, the sum of its two weight-dependent terms.
      assertEquals(
          Set.of("Relu enc/relu/Relu", "Relu mid/relu/Relu", "Relu dec/relu/Relu", "Add Add"),
          new HashSet<>(reads));

      Output<?>[] plain = g.addGradients(loss.asOutput(), xs);
      try (Session s = new Session(g)) {
        Session.Runner r = s.runner();
        for (int i = 0; i < xs.length; i++) {
          r.fetch(plain[i]).fetch(recomputed[i]);
        }
        try (Result res = r.run()) {
          for (int i = 0; i < xs.length; i++) {
            float[] a = Tensors.floats((TFloat32) res.get(2 * i));
            float[] b = Tensors.floats((TFloat32) res.get(2 * i + 1));
            assertEquals(a.length, b.length);
            double max = 0;
            double err = 0;
            for (int j = 0; j < a.length; j++) {
              max = Math.max(max, Math.abs(a[j]));
              err = Math.max(err, Math.abs(a[j] - b[j]));
            }
            assertTrue(err <= 1e-5 * max, xs[i].op().name() + ": " + err + " of " + max);
          }
        }
      }
    }
  }

  private static Operand<TFloat32> unit(Layers l, String name, Operand<TFloat32> x, int filters) {
    x = l.conv2d(name + "/conv", x, ConvSpec.of(filters, 3));
    return l.relu(name + "/relu", l.batchNorm(name + "/bn", x));
  }

  private static Set<GraphOperation> descendants(Set<GraphOperation> roots) {
    Set<GraphOperation> seen = new HashSet<>(roots);
    Deque<GraphOperation> queue = new ArrayDeque<>(roots);
    while (!queue.isEmpty()) {
      for (GraphOperation c : queue.poll().consumers()) {
        if (seen.add(c)) {
          queue.add(c);
        }
      }
    }
    return seen;
  }

  private static org.tensorflow.ndarray.buffer.FloatDataBuffer data(int n) {
    return DataBuffers.of(values(n));
  }

  private static float[] values(int n) {
    float[] v = new float[n];
    java.util.SplittableRandom r = new java.util.SplittableRandom(11);
    for (int i = 0; i < n; i++) {
      v[i] = (float) r.nextDouble();
    }
    return v;
  }
}
