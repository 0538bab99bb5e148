package org.tfseg.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.GradientCheck;

class SsimTest {
  private static final int N = 2;
  private static final int H = 23;
  private static final int W = 17;
  private static final int C = 2;

  @Test
  void validPaddingMatchesFloat64Reference() {
    assertMatchesReference(Ssim.Padding.VALID);
  }

  @Test
  void samePaddingMatchesFloat64Reference() {
    assertMatchesReference(Ssim.Padding.SAME);
  }

  /** Image 0 is an independent random pair (SSIM near 0), image 1 a correlated one (near 1). */
  private static void assertMatchesReference(Ssim.Padding padding) {
    SplittableRandom rnd = new SplittableRandom(11);
    int per = H * W * C;
    float[] x = LossReference.uniform(rnd, N * per, 0, 1);
    float[] y = LossReference.uniform(rnd, N * per, 0, 1);
    for (int i = per; i < 2 * per; i++) {
      y[i] = Math.min(1f, Math.max(0f, x[i] + 0.1f * (y[i] - 0.5f)));
    }
    double[] expected =
        LossReference.ssim(
            LossReference.toDouble(x), LossReference.toDouble(y), N, H, W, C, padding);
    double[] actual =
        LossReference.evaluate(
            tf ->
                new Ssim(padding)
                    .index(
                        tf,
                        LossReference.constant(tf, x, N, H, W, C),
                        LossReference.constant(tf, y, N, H, W, C)));
    assertTrue(expected[0] < 0.3 && expected[1] > 0.9, "one dissimilar and one similar pair");
    double maxDiff = 0;
    for (int b = 0; b < N; b++) {
      maxDiff = Math.max(maxDiff, Math.abs(expected[b] - actual[b]));
    }
    System.out.printf("SSIM %s max |float32 graph - float64 reference| = %.3g%n", padding, maxDiff);
    assertEquals(0, maxDiff, 1e-6);
  }

  @Test
  void paddingModesDiffer() {
    SplittableRandom rnd = new SplittableRandom(3);
    float[] x = LossReference.uniform(rnd, 16 * 16, 0, 1);
    float[] y = LossReference.uniform(rnd, 16 * 16, 0, 1);
    double valid =
        LossReference.evaluate(
            tf ->
                new Ssim(Ssim.Padding.VALID)
                    .index(
                        tf,
                        LossReference.constant(tf, x, 1, 16, 16, 1),
                        LossReference.constant(tf, y, 1, 16, 16, 1)))[0];
    double same =
        LossReference.evaluate(
            tf ->
                new Ssim(Ssim.Padding.SAME)
                    .index(
                        tf,
                        LossReference.constant(tf, x, 1, 16, 16, 1),
                        LossReference.constant(tf, y, 1, 16, 16, 1)))[0];
    assertTrue(Math.abs(valid - same) > 1e-3, valid + " vs " + same);
  }

  @Test
  void lossIsOneMinusSsimOfSigmoidAveragedOverTheBatch() {
    SplittableRandom rnd = new SplittableRandom(4);
    float[] logits = LossReference.uniform(rnd, 2 * 12 * 12, -3, 3);
    float[] targets = LossReference.uniform(rnd, 2 * 12 * 12, 0, 1);
    double expected =
        1
            - LossReference.mean(
                LossReference.ssim(
                    LossReference.sigmoid(logits),
                    LossReference.toDouble(targets),
                    2,
                    12,
                    12,
                    1,
                    Ssim.Padding.VALID));
    double actual =
        LossReference.evaluate(
            tf ->
                new Ssim()
                    .build(
                        tf,
                        List.of(LossReference.constant(tf, logits, 2, 12, 12, 1)),
                        LossReference.constant(tf, targets, 2, 12, 12, 1)))[0];
    assertEquals(expected, actual, 1e-6);
  }

  @Test
  void validGradientMatchesFiniteDifferences() {
    gradientCheck(Ssim.Padding.VALID, 12, 13);
  }

  @Test
  void sameGradientMatchesFiniteDifferences() {
    gradientCheck(Ssim.Padding.SAME, 9, 8);
  }

  /**
   * Per-image {@code 1 − SSIM} through the sigmoid. Images are small so that one pixel moves the
   * mean SSIM well above float32 rounding noise (≈1e-7 per evaluation, 5e-6 in the quotient).
   */
  private static void gradientCheck(Ssim.Padding padding, int h, int w) {
    float[] targets = LossReference.uniform(new SplittableRandom(9), 2 * h * w * 2, 0, 1);
    int n =
        GradientCheck.of(
                Shape.of(2, h, w, 2),
                (l, x) -> {
                  Ops tf = l.tf();
                  Operand<TFloat32> y = LossReference.constant(tf, targets, 2, h, w, 2);
                  return new Ssim(padding).perImage(tf, tf.math.sigmoid(x), y);
                })
            .inputs(-3f, 6f)
            .eps(1e-2)
            .tolerance(2e-5, 2e-2)
            .run();
    assertTrue(n > 0);
  }
}
