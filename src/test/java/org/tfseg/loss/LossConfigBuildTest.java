package org.tfseg.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Tensors;

/** Loss configs build the losses they name: compared by value on random logits of 3 outputs. */
class LossConfigBuildTest {
  private static final Shape SHAPE = Shape.of(2, 16, 16, 1);

  private static double value(Loss loss) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      List<Operand<TFloat32>> logits = List.of(constant(tf, 1), constant(tf, 2), constant(tf, 3));
      Operand<TFloat32> targets = tf.math.sigmoid(constant(tf, 4));
      Operand<TFloat32> out = loss.build(tf, logits, targets);
      try (Session s = new Session(g);
          Result r = s.runner().fetch(out).run()) {
        return ((TFloat32) r.get(0)).getFloat();
      }
    }
  }

  private static Operand<TFloat32> constant(Ops tf, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] v = new float[(int) SHAPE.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) (r.nextGaussian() * 2);
    }
    try (TFloat32 t = Tensors.of(SHAPE, v)) {
      return tf.constant(t);
    }
  }

  private static double config(LossConfig c) {
    return value(c.build());
  }

  @Test
  void eachConfigBuildsItsLoss() {
    assertEquals(value(new BinaryCrossEntropy()), config(new BinaryCrossEntropyConfig()), 0);
    assertEquals(value(new Ssim(Ssim.Padding.SAME)), config(new SsimConfig(Ssim.Padding.SAME)), 0);
    assertNotEquals(
        config(new SsimConfig(Ssim.Padding.SAME)), config(new SsimConfig(Ssim.Padding.VALID)));
    assertEquals(value(new SoftIou(0.5)), config(new SoftIouConfig(0.5)), 0);
    LossConfig hybrid =
        new WeightedSumConfig(
            List.of(
                new WeightedTermConfig(new BinaryCrossEntropyConfig(), null),
                new WeightedTermConfig(new SsimConfig(Ssim.Padding.SAME), null),
                new WeightedTermConfig(new SoftIouConfig(null), null)));
    assertEquals(
        value(BasNetHybrid.basnet(Ssim.Padding.SAME)),
        config(new DeepSupervisionConfig(hybrid, null)),
        1e-6);
    assertEquals(
        value(BasNetHybrid.basnet(Ssim.Padding.SAME)),
        config(new BasNetHybridConfig(Ssim.Padding.SAME)),
        0);
    double weighted =
        config(
            new WeightedSumConfig(
                List.of(
                    new WeightedTermConfig(new BinaryCrossEntropyConfig(), 2.0),
                    new WeightedTermConfig(new SoftIouConfig(null), 0.5))));
    assertEquals(2 * value(new BinaryCrossEntropy()) + 0.5 * value(new SoftIou()), weighted, 1e-6);
    double perOutput =
        config(new DeepSupervisionConfig(new BinaryCrossEntropyConfig(), List.of(1.0, 0.0, 0.0)));
    assertEquals(value(new BinaryCrossEntropy()), perOutput, 1e-6);
    assertNotEquals(
        perOutput,
        config(new DeepSupervisionConfig(new BinaryCrossEntropyConfig(), List.of(1.0, 0.0, 1.0))));
  }
}
