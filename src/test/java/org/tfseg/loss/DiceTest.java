package org.tfseg.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tfseg.UserError;
import org.tfseg.graph.GradientCheck;

class DiceTest {
  @Test
  void valueEqualsHandComputation() {
    // image 0: p = 0.5 ×4, y = (1, 1, 0, 0): 1 − (2·1 + 1) / (2 + 2 + 1) = 0.4
    // image 1: p = sigmoid(±20) ≈ y = (1, 0, 0, 1): 1 − (2·2 + 1) / (2 + 2 + 1) ≈ 0
    float[] logits = {0, 0, 0, 0, 20, -20, -20, 20};
    float[] targets = {1, 1, 0, 0, 1, 0, 0, 1};
    assertEquals(0.2, dice(1, logits, targets), 1e-6);
    // without smoothing image 0 is 1 − 2/4
    assertEquals(0.25, dice(0, logits, targets), 1e-6);
  }

  @Test
  void smoothingMakesEmptyMapsPerfect() {
    float[] logits = {-200, -200, -200, -200, -200, -200, -200, -200};
    assertEquals(0, dice(1, logits, new float[8]), 1e-7);
    assertEquals(Double.NaN, dice(0, logits, new float[8]));
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    float[] targets = LossReference.uniform(new SplittableRandom(5), 2 * 5 * 4, 0, 1);
    GradientCheck.of(
            Shape.of(2, 5, 4, 1),
            (l, x) -> {
              Ops tf = l.tf();
              return new Dice(1)
                  .perImage(
                      tf, tf.math.sigmoid(x), LossReference.constant(tf, targets, 2, 5, 4, 1));
            })
        .inputs(-3f, 6f)
        .eps(1e-2)
        .tolerance(2e-5, 2e-2)
        .run();
  }

  @Test
  void classWeightsOnABinaryModelAreAUserError() {
    UserError e =
        assertThrows(
            UserError.class,
            () ->
                LossReference.evaluate(
                    tf ->
                        new Dice(1, new double[] {1, 2})
                            .build(
                                tf,
                                List.of(LossReference.constant(tf, new float[1], 1, 1, 1, 1)),
                                LossReference.constant(tf, new float[1], 1, 1, 1, 1))));
    assertTrue(e.getMessage().startsWith("loss 'dice' has class weights"), e.getMessage());
  }

  static double dice(double smooth, float[] logits, float[] targets) {
    return LossReference.evaluate(
        tf ->
            new Dice(smooth)
                .build(
                    tf,
                    List.of(LossReference.constant(tf, logits, 2, 2, 2, 1)),
                    LossReference.constant(tf, targets, 2, 2, 2, 1)))[0];
  }
}
