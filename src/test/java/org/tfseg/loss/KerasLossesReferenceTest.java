package org.tfseg.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Focal, Tversky, multi-class Dice, label smoothing, class weights and void pixels against the
 * float64 {@link KerasReference} on random logits; each prints its deviation.
 */
class KerasLossesReferenceTest {
  private static final int N = 2, H = 3, W = 5, C = 3;
  private static final int P = N * H * W;
  private static final float[] LOGITS =
      LossReference.uniform(new SplittableRandom(11), P * C, -4, 4);
  private static final float[] BINARY_LOGITS =
      LossReference.uniform(new SplittableRandom(12), P, -4, 4);
  private static final float[] SOFT = LossReference.uniform(new SplittableRandom(13), P, 0, 1);
  private static final float[] LABELS = labels(false);
  private static final float[] LABELS_WITH_VOID = labels(true);
  private static final double[] W3 = {0.5, 2, 1.25};
  private static final double[] W2 = {0.4, 1.6};

  private static float[] labels(boolean withVoid) {
    SplittableRandom r = new SplittableRandom(14);
    float[] y = new float[P];
    for (int i = 0; i < P; i++) {
      y[i] = withVoid && i % 4 == 1 ? -1 : r.nextInt(C);
    }
    return y;
  }

  static double multiClass(Loss loss, float[] logits, float[] labels) {
    return LossReference.evaluate(
        tf ->
            loss.build(
                tf,
                List.of(LossReference.constant(tf, logits, N, H, W, C)),
                LossReference.constant(tf, labels, N, H, W, 1)))[0];
  }

  static double binary(Loss loss, float[] logits, float[] targets) {
    return LossReference.evaluate(
        tf ->
            loss.build(
                tf,
                List.of(LossReference.constant(tf, logits, N, H, W, 1)),
                LossReference.constant(tf, targets, N, H, W, 1)))[0];
  }

  private static void close(String what, double expected, double actual) {
    double deviation = Math.abs(expected - actual);
    System.out.printf("deviation %s: %.3g (reference %.6f)%n", what, deviation, expected);
    assertEquals(expected, actual, 1e-5 * Math.max(1, Math.abs(expected)), what);
  }

  @Test
  void sparseCrossEntropyWithSmoothingWeightsAndVoid() {
    for (float[] y : new float[][] {LABELS, LABELS_WITH_VOID}) {
      close(
          "sparse CE",
          KerasReference.sparseCe(LOGITS, y, C, 0, null),
          multiClass(new SparseCategoricalCrossEntropy(), LOGITS, y));
      close(
          "sparse CE ls 0.1",
          KerasReference.sparseCe(LOGITS, y, C, 0.1, null),
          multiClass(new SparseCategoricalCrossEntropy(0.1, null), LOGITS, y));
      close(
          "sparse CE weights",
          KerasReference.sparseCe(LOGITS, y, C, 0.2, W3),
          multiClass(new SparseCategoricalCrossEntropy(0.2, W3), LOGITS, y));
    }
  }

  @Test
  void categoricalFocal() {
    for (float[] y : new float[][] {LABELS, LABELS_WITH_VOID}) {
      close(
          "categorical focal",
          KerasReference.focal(LOGITS, y, C, 0.25, 2, 0, null),
          multiClass(new CategoricalFocalCrossEntropy(0.25, 2, 0, null), LOGITS, y));
      close(
          "categorical focal γ 0.5 ls 0.1 weights",
          KerasReference.focal(LOGITS, y, C, 0.7, 0.5, 0.1, W3),
          multiClass(new CategoricalFocalCrossEntropy(0.7, 0.5, 0.1, W3), LOGITS, y));
    }
    // γ 0, α 1 is the cross-entropy
    assertEquals(
        multiClass(new SparseCategoricalCrossEntropy(), LOGITS, LABELS),
        multiClass(new CategoricalFocalCrossEntropy(1, 0, 0, null), LOGITS, LABELS),
        1e-6);
  }

  @Test
  void binaryFocalAndBce() {
    for (float[] y : new float[][] {SOFT, hard(SOFT)}) {
      close(
          "binary focal",
          KerasReference.binaryFocal(BINARY_LOGITS, y, false, 0.25, 2, 0, null),
          binary(new BinaryFocalCrossEntropy(false, 0.25, 2, 0, null), BINARY_LOGITS, y));
      close(
          "binary focal balanced ls weights",
          KerasReference.binaryFocal(BINARY_LOGITS, y, true, 0.3, 1.5, 0.1, W2),
          binary(new BinaryFocalCrossEntropy(true, 0.3, 1.5, 0.1, W2), BINARY_LOGITS, y));
      close(
          "bce ls 0.2 weights",
          KerasReference.binaryFocal(BINARY_LOGITS, y, false, 0, 0, 0.2, W2),
          binary(new BinaryCrossEntropy(0.2, W2), BINARY_LOGITS, y));
    }
  }

  @Test
  void tverskyAndDice() {
    for (float[] y : new float[][] {LABELS, LABELS_WITH_VOID}) {
      close(
          "tversky",
          KerasReference.tversky(LOGITS, y, C, 0.3, 0.7, 0, null),
          multiClass(new Tversky(0.3, 0.7, 0, null), LOGITS, y));
      close(
          "tversky weights smooth",
          KerasReference.tversky(LOGITS, y, C, 0.5, 0.5, 1, W3),
          multiClass(new Tversky(0.5, 0.5, 1, W3), LOGITS, y));
      close(
          "multi-class dice",
          KerasReference.dice(LOGITS, y, C, 1, null),
          multiClass(new Dice(1), LOGITS, y));
      close(
          "multi-class dice weights",
          KerasReference.dice(LOGITS, y, C, 0, W3),
          multiClass(new Dice(0, W3), LOGITS, y));
    }
    close(
        "binary tversky",
        KerasReference.tversky(BINARY_LOGITS, SOFT, 1, 0.2, 0.8, 0, null),
        binary(new Tversky(0.2, 0.8, 0, null), BINARY_LOGITS, SOFT));
  }

  @Test
  void aClassAbsentFromTheTargetsContributesNothingButCounts() {
    // every pixel class 0 or void: classes 1 and 2 give 0 (SMP), the mean still divides by 3
    float[] y = new float[P];
    y[3] = -1;
    double one = KerasReference.dice(LOGITS, y, C, 0, null);
    assertEquals(one, multiClass(new Dice(0), LOGITS, y), 1e-6);
    float[] c0 = new float[P * C];
    for (int i = 0; i < P; i++) {
      c0[i * C] = 10;
    }
    // a confident, right prediction: class 0 loss ≈ 0, mean ≈ 0
    assertEquals(0, multiClass(new Dice(0), c0, y), 1e-3);
  }

  private static float[] hard(float[] soft) {
    float[] h = new float[soft.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = soft[i] > 0.5 ? 1 : 0;
    }
    return h;
  }
}
