package org.tfseg.task;

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
import org.tfseg.config.BasnetHybridLoss;
import org.tfseg.config.BceLoss;
import org.tfseg.config.DeepSupervisionLoss;
import org.tfseg.config.LossConfig;
import org.tfseg.config.SoftIouLoss;
import org.tfseg.config.SsimLoss;
import org.tfseg.config.SsimPadding;
import org.tfseg.config.WeightedSumLoss;
import org.tfseg.config.WeightedTerm;
import org.tfseg.graph.Tensors;
import org.tfseg.loss.BinaryCrossEntropy;
import org.tfseg.loss.HybridLoss;
import org.tfseg.loss.Loss;
import org.tfseg.loss.SoftIou;
import org.tfseg.loss.Ssim;

/** Loss configs build the losses they name: compared by value on random logits of 3 outputs. */
class ComponentsLossTest {
  private static final Shape SHAPE = Shape.of(2, 16, 16, 1);

  private static double value(Loss loss) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      List<Operand<TFloat32>> logits = List.of(constant(tf, 1), constant(tf, 2), constant(tf, 3));
      Operand<TFloat32> targets = tf.math.sigmoid(constant(tf, 4));
      Operand<TFloat32> out = loss.build(tf, logits, targets);
      try (Session s = new Session(g); Result r = s.runner().fetch(out).run()) {
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
    return value(Components.loss(c));
  }

  @Test
  void eachConfigBuildsItsLoss() {
    assertEquals(value(new BinaryCrossEntropy()), config(new BceLoss()), 0);
    assertEquals(value(new Ssim(Ssim.Padding.SAME)), config(new SsimLoss(SsimPadding.SAME)), 0);
    assertNotEquals(config(new SsimLoss(SsimPadding.SAME)), config(new SsimLoss(SsimPadding.VALID)));
    assertEquals(value(new SoftIou(0.5)), config(new SoftIouLoss(0.5)), 0);
    LossConfig hybrid = new WeightedSumLoss(List.of(new WeightedTerm(new BceLoss(), null),
        new WeightedTerm(new SsimLoss(SsimPadding.SAME), null), new WeightedTerm(new SoftIouLoss(null), null)));
    assertEquals(value(HybridLoss.basnet(Ssim.Padding.SAME)), config(new DeepSupervisionLoss(hybrid, null)), 1e-6);
    assertEquals(value(HybridLoss.basnet(Ssim.Padding.SAME)), config(new BasnetHybridLoss(SsimPadding.SAME)), 0);
    double weighted = config(new WeightedSumLoss(List.of(new WeightedTerm(new BceLoss(), 2.0),
        new WeightedTerm(new SoftIouLoss(null), 0.5))));
    assertEquals(2 * value(new BinaryCrossEntropy()) + 0.5 * value(new SoftIou()), weighted, 1e-6);
    double perOutput = config(new DeepSupervisionLoss(new BceLoss(), List.of(1.0, 0.0, 0.0)));
    assertEquals(value(new BinaryCrossEntropy()), perOutput, 1e-6);
    assertNotEquals(perOutput, config(new DeepSupervisionLoss(new BceLoss(), List.of(1.0, 0.0, 1.0))));
  }
}
