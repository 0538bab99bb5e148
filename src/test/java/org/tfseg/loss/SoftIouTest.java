package org.tfseg.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tfseg.graph.GradientCheck;

class SoftIouTest {
  @Test
  void valueEqualsHandComputation() {
    // image 0: p = (0.5, 0.5, 0.5, 0.5) vs y = (1, 1, 0, 0): I = 1, U = 2 + 2 − 1 = 3
    // image 1: p = sigmoid(±20) ≈ y = (1, 0, 0, 1): IoU ≈ 1
    float[] logits = {0, 0, 0, 0, 20, -20, -20, 20};
    float[] targets = {1, 1, 0, 0, 1, 0, 0, 1};
    double expected =
        ((1 - 1.0 / 3) + (1 - LossReference.iou(LossReference.sigmoid(logits), targets, 2, 0)[1]))
            / 2;
    double actual =
        LossReference.evaluate(
            tf ->
                new SoftIou(0)
                    .build(
                        tf,
                        List.of(LossReference.constant(tf, logits, 2, 2, 2, 1)),
                        LossReference.constant(tf, targets, 2, 2, 2, 1)))[0];
    assertEquals(expected, actual, 1e-7);
    assertEquals(1.0 / 3, expected, 1e-6);
  }

  @Test
  void smoothingMakesEmptyMapsPerfect() {
    float[] logits = {-200, -200};
    float[] targets = {0, 0};
    double loss =
        LossReference.evaluate(
            tf ->
                new SoftIou()
                    .build(
                        tf,
                        List.of(LossReference.constant(tf, logits, 1, 1, 2, 1)),
                        LossReference.constant(tf, targets, 1, 1, 2, 1)))[0];
    assertEquals(0, loss, 1e-7);
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    float[] targets = LossReference.uniform(new SplittableRandom(2), 2 * 5 * 4 * 2, 0, 1);
    GradientCheck.of(
            Shape.of(2, 5, 4, 2),
            (l, x) -> {
              Ops tf = l.tf();
              return new SoftIou()
                  .perImage(
                      tf, tf.math.sigmoid(x), LossReference.constant(tf, targets, 2, 5, 4, 2));
            })
        .inputs(-3f, 6f)
        .eps(1e-2)
        .tolerance(2e-5, 2e-2)
        .run();
  }
}
