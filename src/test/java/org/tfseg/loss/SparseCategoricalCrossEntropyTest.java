package org.tfseg.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tfseg.UserError;
import org.tfseg.graph.GradientCheck;

class SparseCategoricalCrossEntropyTest {
  @Test
  void valueEqualsHandComputation() {
    // pixel 0: logits (1, 2, 3), label 2 → −log(e³ / (e + e² + e³)) = log(1 + e⁻¹ + e⁻²)
    // pixel 1: logits (0, 0, 0), label 0 → log 3
    float[] logits = {1, 2, 3, 0, 0, 0};
    float[] labels = {2, 0};
    double expected = (Math.log(1 + Math.exp(-1) + Math.exp(-2)) + Math.log(3)) / 2;
    assertEquals(0.7531091, expected, 1e-7);
    assertEquals(expected, loss(logits, labels, 1, 1, 2), 1e-6);
  }

  @Test
  void largeLogitsStayFinite() {
    // log-softmax is computed stably: −log softmax(100, −100, 0)[1] = 200
    assertEquals(200, loss(new float[] {100, -100, 0}, new float[] {1}, 1, 1, 1), 1e-3);
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    SplittableRandom rnd = new SplittableRandom(4);
    float[] labels = new float[2 * 3 * 4];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = rnd.nextInt(3);
    }
    GradientCheck.of(
            Shape.of(2, 3, 4, 3),
            (l, x) ->
                new SparseCategoricalCrossEntropy()
                    .build(l.tf(), List.of(x), LossReference.constant(l.tf(), labels, 2, 3, 4, 1)))
        .inputs(-3f, 6f)
        .eps(1e-2)
        .tolerance(2e-4, 2e-2)
        .run();
  }

  @Test
  void labelsOutsideTheClassesFailTheStep() {
    RuntimeException e =
        assertThrows(
            RuntimeException.class,
            () -> loss(new float[] {0, 0, 0, 0, 0, 0}, new float[] {0, 3}, 1, 1, 2));
    assertTrue(e.getMessage().contains("label outside [0, 3) and not void"), e.getMessage());
  }

  @Test
  void aBinaryModelIsAUserError() {
    UserError e =
        assertThrows(
            UserError.class,
            () ->
                LossReference.evaluate(
                    tf ->
                        new SparseCategoricalCrossEntropy()
                            .build(
                                tf,
                                List.of(LossReference.constant(tf, new float[] {0}, 1, 1, 1, 1)),
                                LossReference.constant(tf, new float[] {0}, 1, 1, 1, 1))));
    assertTrue(
        e.getMessage()
            .startsWith("loss 'sparse_categorical_crossentropy' needs a multi-class model"));
  }

  private static double loss(float[] logits, float[] labels, int n, int h, int w) {
    int c = logits.length / labels.length;
    return LossReference.evaluate(
        tf ->
            new SparseCategoricalCrossEntropy()
                .build(
                    tf,
                    List.of(LossReference.constant(tf, logits, n, h, w, c)),
                    LossReference.constant(tf, labels, n, h, w, 1)))[0];
  }
}
