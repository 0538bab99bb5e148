package org.tfseg.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tfseg.graph.GradientCheck;

class BceDiceTest {
  @Test
  void weighsBceAgainstDice() {
    float[] logits = {0.3f, -1.2f, 2f, 0f, 1f, -0.5f, 0.7f, -2f};
    float[] targets = {1, 0, 1, 0.4f, 1, 0, 0, 1};
    double bce = LossReference.bce(logits, targets);
    double dice = DiceTest.dice(1, logits, targets);
    for (double w : new double[] {0, 0.3, 1}) {
      double actual =
          LossReference.evaluate(
              tf ->
                  new BceDice(w, 1)
                      .build(
                          tf,
                          List.of(LossReference.constant(tf, logits, 2, 2, 2, 1)),
                          LossReference.constant(tf, targets, 2, 2, 2, 1)))[0];
      assertEquals(w * bce + (1 - w) * dice, actual, 1e-6, "bce_weight " + w);
    }
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    float[] targets = LossReference.uniform(new SplittableRandom(6), 2 * 4 * 3, 0, 1);
    GradientCheck.of(
            Shape.of(2, 4, 3, 1),
            (l, x) ->
                new BceDice(0.3, 1)
                    .build(l.tf(), List.of(x), LossReference.constant(l.tf(), targets, 2, 4, 3, 1)))
        .inputs(-3f, 6f)
        .eps(1e-2)
        .tolerance(2e-5, 2e-2)
        .run();
  }
}
