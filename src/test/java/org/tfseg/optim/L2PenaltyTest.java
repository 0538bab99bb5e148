package org.tfseg.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.ConvSpec;
import org.tfseg.graph.GradientCheck;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.VariableStore;

/** Keras {@code L2(l2)}: value by hand, analytic gradient {@code 2·l2·w}, finite differences. */
class L2PenaltyTest {
  private static final String[] NAMES = {
    "c/kernel", "c/bias", "bn/gamma", "bn/beta", "bn/moving_mean"
  };
  private static final float[][] VALUES = {{1, -2, 0.5f}, {3, 4}, {1, 1}, {0.5f, -0.5f}, {9, 9}};

  @Test
  void valueIsL2TimesTheSquaresOfTheCoveredTrainableWeights() {
    // defaults: l2 0.01 on the kernel only, 0.01·(1 + 4 + 0.25); the moving mean never counts
    check(new RegularizationConfig(null, null), 0.0525, true, false, false);
    check(new RegularizationConfig(0.1, List.of()), 0.1 * (5.25 + 25 + 2 + 0.5), true, true, true);
    check(
        new RegularizationConfig(0.01, List.of(WeightGroup.BATCH_NORM)),
        0.01 * (5.25 + 25),
        true,
        true,
        false);
    check(
        new RegularizationConfig(0.01, List.of(WeightGroup.BIAS)),
        0.01 * (5.25 + 2 + 0.5),
        true,
        false,
        true);
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    for (List<WeightGroup> exclude : List.of(List.<WeightGroup>of(), List.of(WeightGroup.BIAS))) {
      L2Penalty penalty = new RegularizationConfig(0.3, exclude).build();
      int compared =
          GradientCheck.of(
                  Shape.of(2, 5, 5, 2),
                  (l, x) -> {
                    Ops tf = l.tf();
                    Operand<TFloat32> y = l.batchNorm("bn", l.conv2d("c", x, ConvSpec.of(3, 3)));
                    Operand<TFloat32> data =
                        tf.math.mul(
                            tf.constant(0.01f), tf.sum(y, tf.constant(new int[] {0, 1, 2, 3})));
                    return tf.math.add(data, penalty.build(tf, l.store().trainable()));
                  })
              .run();
      assertTrue(compared > 0);
    }
  }

  /** The penalty's value, and its gradient {@code 2·l2·w} on covered weights and 0 elsewhere. */
  private static void check(
      RegularizationConfig config,
      double expected,
      boolean kernel,
      boolean bias,
      boolean batchNorm) {
    boolean[] covered = {kernel, bias, batchNorm, batchNorm, false};
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, 1);
      List<ModelVariable> vars = new ArrayList<>();
      for (int k = 0; k < NAMES.length; k++) {
        float[] v = VALUES[k];
        vars.add(store.get(NAMES[k], Shape.of(v.length), (t, s, seed) -> t.constant(v), k < 4));
      }
      L2Penalty penalty = config.build();
      Operand<TFloat32> value = penalty.build(tf, store.trainable());
      // the weights left out do not reach the penalty at all (TF refuses their gradient)
      List<Integer> reached = new ArrayList<>();
      for (int k = 0; k < NAMES.length; k++) {
        if (covered[k]) {
          reached.add(k);
        }
      }
      assertEquals(
          reached.stream().map(k -> NAMES[k]).toList(),
          penalty.covered(store.trainable()).stream().map(ModelVariable::name).toList());
      Output<?>[] xs =
          reached.stream().map(k -> vars.get(k).value().asOutput()).toArray(Output<?>[]::new);
      Output<?>[] grads = g.addGradients(value.asOutput(), xs);
      try (Session s = new Session(g)) {
        assertEquals(expected, fetch(s, value)[0], 1e-6 * expected);
        for (int j = 0; j < xs.length; j++) {
          int k = reached.get(j);
          @SuppressWarnings("unchecked")
          float[] grad = fetch(s, (Operand<TFloat32>) grads[j]);
          for (int i = 0; i < grad.length; i++) {
            assertEquals(2 * config.l2() * VALUES[k][i], grad[i], 1e-6, NAMES[k] + "[" + i + "]");
          }
        }
      }
    }
  }

  private static float[] fetch(Session s, Operand<TFloat32> x) {
    try (Result r = s.runner().fetch(x).run()) {
      TFloat32 t = (TFloat32) r.get(0);
      float[] out = new float[(int) Math.max(1, t.shape().size())];
      t.asRawTensor().data().asFloats().read(out);
      return out;
    }
  }
}
