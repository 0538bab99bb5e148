package org.tfseg.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tfseg.model.BasNet;

class BasNetHybridTest {
  private static final int N = 2;
  private static final int H = 14;
  private static final int W = 12;

  @Test
  void validHybridLossEqualsFloat64Computation() {
    assertHybrid(Ssim.Padding.VALID);
  }

  @Test
  void sameHybridLossEqualsFloat64Computation() {
    assertHybrid(Ssim.Padding.SAME);
  }

  /**
   * Σ over 8 outputs of BCE + mean(1 − SSIM) + (1 − mean IoU), the seed's BasnetLoss per output.
   */
  private static void assertHybrid(Ssim.Padding padding) {
    SplittableRandom rnd = new SplittableRandom(21);
    int size = N * H * W;
    float[] targets = new float[size];
    for (int i = 0; i < size; i++) {
      targets[i] = i % 5 == 0 ? 0.5f : (((i / W) + (i % W)) % 7 < 3 ? 1f : 0f);
    }
    List<float[]> logits = new ArrayList<>();
    double expected = 0;
    for (int k = 0; k < BasNet.OUTPUTS; k++) {
      float[] x = LossReference.uniform(rnd, size, -4, 4);
      logits.add(x);
      double[] p = LossReference.sigmoid(x);
      double[] ssim = LossReference.ssim(LossReference.toDouble(targets), p, N, H, W, 1, padding);
      double[] iou = LossReference.iou(p, targets, N, 1e-9);
      expected +=
          LossReference.bce(x, targets)
              + (1 - LossReference.mean(ssim))
              + (1 - LossReference.mean(iou));
    }
    double actual =
        LossReference.evaluate(
            tf -> {
              List<Operand<TFloat32>> outputs = new ArrayList<>();
              for (float[] x : logits) {
                outputs.add(LossReference.constant(tf, x, N, H, W, 1));
              }
              return BasNetHybrid.basnet(padding)
                  .build(tf, outputs, LossReference.constant(tf, targets, N, H, W, 1));
            })[0];
    System.out.printf("hybrid %s: float64 %.9f, graph %.9f%n", padding, expected, actual);
    assertEquals(expected, actual, 1e-5);
  }
}
