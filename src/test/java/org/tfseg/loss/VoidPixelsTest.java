package org.tfseg.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A void pixel contributes nothing: changing its logits changes no loss, and a batch with void
 * pixels scores what the batch of only its other pixels scores (Keras' {@code ignore_class}, SMP's
 * {@code ignore_index}).
 */
class VoidPixelsTest {
  private static final int C = 3;

  private static double loss(Loss loss, float[] logits, float[] labels) {
    return LossReference.evaluate(
        tf ->
            loss.build(
                tf,
                List.of(LossReference.constant(tf, logits, 1, 1, labels.length, C)),
                LossReference.constant(tf, labels, 1, 1, labels.length, 1)))[0];
  }

  @Test
  void voidPixelsAreLeftOutOfEveryMultiClassLoss() {
    SplittableRandom r = new SplittableRandom(3);
    float[] logits = LossReference.uniform(r, 8 * C, -3, 3);
    float[] labels = {0, -1, 2, 1, -1, 0, 2, 1};
    float[] kept = {0, 2, 1, 0, 2, 1};
    float[] keptLogits = new float[kept.length * C];
    float[] changed = logits.clone();
    for (int i = 0, k = 0; i < labels.length; i++) {
      if (labels[i] < 0) {
        for (int c = 0; c < C; c++) {
          changed[i * C + c] = 50 * (c + 1);
        }
      } else {
        System.arraycopy(logits, i * C, keptLogits, k++ * C, C);
      }
    }
    for (Loss l :
        List.of(
            new SparseCategoricalCrossEntropy(0.1, new double[] {1, 2, 3}),
            new CategoricalFocalCrossEntropy(0.25, 2, 0, null),
            new Dice(1),
            new Tversky(0.3, 0.7, 0, new double[] {1, 1, 2}))) {
      double all = loss(l, logits, labels);
      assertEquals(loss(l, keptLogits, kept), all, 1e-6, l.getClass().getSimpleName());
      assertEquals(all, loss(l, changed, labels), 1e-6, l.getClass().getSimpleName());
    }
  }

  @Test
  void anAllVoidBatchCostsZero() {
    float[] logits = {1, 2, 3, -1, 0, 1};
    float[] labels = {-1, -1};
    assertEquals(0, loss(new SparseCategoricalCrossEntropy(), logits, labels), 0);
    assertEquals(0, loss(new CategoricalFocalCrossEntropy(0.25, 2, 0, null), logits, labels), 0);
    assertEquals(0, loss(new Dice(1), logits, labels), 0);
  }
}
