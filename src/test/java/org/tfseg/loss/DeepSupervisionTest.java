package org.tfseg.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DeepSupervisionTest {
  private final SplittableRandom rnd = new SplittableRandom(6);
  private final float[] a = LossReference.uniform(rnd, 8, -2, 2);
  private final float[] b = LossReference.uniform(rnd, 8, -2, 2);
  private final float[] targets = LossReference.uniform(rnd, 8, 0, 1);

  @Test
  void appliesTheLossToEveryOutputWithItsWeight() {
    double expected = 2 * LossReference.bce(a, targets) + 0.5 * LossReference.bce(b, targets);
    assertEquals(expected, value(new DeepSupervision(new BinaryCrossEntropy(), 2, 0.5)), 1e-6);
  }

  @Test
  void unweightedIsThePlainSum() {
    double expected = LossReference.bce(a, targets) + LossReference.bce(b, targets);
    assertEquals(expected, value(new DeepSupervision(new BinaryCrossEntropy())), 1e-6);
  }

  @Test
  void exposesTheUnweightedLossOfEachOutput() {
    DeepSupervision loss = new DeepSupervision(new BinaryCrossEntropy(), 2, 0.5);
    double[] values =
        LossReference.evaluate(
            tf ->
                tf.stack(
                    loss.perOutputValues(
                        tf,
                        List.of(
                            LossReference.constant(tf, a, 2, 2, 2, 1),
                            LossReference.constant(tf, b, 2, 2, 2, 1)),
                        LossReference.constant(tf, targets, 2, 2, 2, 1))));
    assertEquals(LossReference.bce(a, targets), values[0], 1e-6);
    assertEquals(LossReference.bce(b, targets), values[1], 1e-6);
  }

  @Test
  void rejectsAWeightCountThatDoesNotMatchTheOutputs() {
    assertThrows(
        IllegalArgumentException.class,
        () -> value(new DeepSupervision(new BinaryCrossEntropy(), 1, 1, 1)));
  }

  private double value(Loss loss) {
    return LossReference.evaluate(
        tf ->
            loss.build(
                tf,
                List.of(
                    LossReference.constant(tf, a, 2, 2, 2, 1),
                    LossReference.constant(tf, b, 2, 2, 2, 1)),
                LossReference.constant(tf, targets, 2, 2, 2, 1)))[0];
  }
}
