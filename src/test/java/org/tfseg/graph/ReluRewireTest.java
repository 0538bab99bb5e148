package org.tfseg.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** ReLU gradients read the ReLU output after the rewrite, with bit-identical gradients. */
class ReluRewireTest {
  private static float[] gradient(boolean rewire, List<String> featureSources) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      float[] v = new float[64];
      for (int i = 0; i < v.length; i++) {
        v[i] = (i % 13) - 6.5f + (i % 3) * 0.25f; // values both sides of 0 and of 6
      }
      Operand<TFloat32> x =
          tf.constant(Shape.of(64), org.tensorflow.ndarray.buffer.DataBuffers.of(v));
      Operand<TFloat32> w = tf.identity(tf.variable(tf.withInitScope().constant(1.5f)));
      Operand<TFloat32> a = tf.math.mul(x, w);
      Operand<TFloat32> y =
          tf.math.add(tf.nn.relu(a), tf.nn.relu6(tf.math.mul(a, tf.constant(2f))));
      Operand<TFloat32> loss = tf.sum(tf.math.square(y), tf.constant(0));
      Output<?>[] grads = g.addGradients(loss.asOutput(), new Output<?>[] {w.asOutput()});
      if (rewire) {
        assertEquals(2, ReluRewire.apply(g, "gradients"));
      }
      g.operations()
          .forEachRemaining(
              op -> {
                if (op.type().endsWith("Grad") && op.type().startsWith("Relu")) {
                  featureSources.add(((GraphOperation) op).input(1).op().type());
                }
              });
      try (Session s = new Session(g);
          Result r = s.runner().fetch(grads[0]).run()) {
        return new float[] {((TFloat32) r.get(0)).getFloat()};
      }
    }
  }

  @Test
  void gradientsReadTheReluOutputAndAreUnchanged() {
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    float[] plain = gradient(false, before);
    float[] rewired = gradient(true, after);
    assertEquals(List.of("Mul", "Mul"), before);
    assertEquals(List.of("Relu", "Relu6"), after.stream().sorted().toList());
    assertArrayEquals(plain, rewired);
  }
}
