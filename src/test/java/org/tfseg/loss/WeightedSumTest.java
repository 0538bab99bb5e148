package org.tfseg.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedSumTest {
  @Test
  void sumsWeightedTerms() {
    SplittableRandom rnd = new SplittableRandom(8);
    float[] logits = LossReference.uniform(rnd, 2 * 3 * 3, -2, 2);
    float[] targets = LossReference.uniform(rnd, 2 * 3 * 3, 0, 1);
    double iouLoss =
        1 - LossReference.mean(LossReference.iou(LossReference.sigmoid(logits), targets, 2, 1e-9));
    double expected = 0.25 * LossReference.bce(logits, targets) + 3 * iouLoss;
    Loss loss =
        new WeightedSum(
            List.of(
                new WeightedSum.Term(new BinaryCrossEntropy(), 0.25),
                new WeightedSum.Term(new SoftIou(), 3)));
    double actual =
        LossReference.evaluate(
            tf ->
                loss.build(
                    tf,
                    List.of(LossReference.constant(tf, logits, 2, 3, 3, 1)),
                    LossReference.constant(tf, targets, 2, 3, 3, 1)))[0];
    assertEquals(expected, actual, 1e-6);
  }
}
