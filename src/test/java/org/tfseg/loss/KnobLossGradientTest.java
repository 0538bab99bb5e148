package org.tfseg.loss;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.GradientCheck;

/**
 * Finite-difference gradients of the focal, Tversky and multi-class Dice losses and of the class
 * weights, label smoothing and void pixels of the cross-entropies.
 */
class KnobLossGradientTest {
  private static final Shape MULTI = Shape.of(2, 3, 4, 3);
  private static final Shape BINARY = Shape.of(2, 3, 4, 1);

  private static float[] labels() {
    SplittableRandom r = new SplittableRandom(4);
    float[] y = new float[2 * 3 * 4];
    for (int i = 0; i < y.length; i++) {
      y[i] = i % 5 == 2 ? -1 : r.nextInt(3);
    }
    return y;
  }

  private static void check(Shape shape, Loss loss, float[] targets) {
    GradientCheck.of(
            shape,
            (l, x) -> {
              Operand<TFloat32> y = LossReference.constant(l.tf(), targets, 2, 3, 4, 1);
              return loss.build(l.tf(), List.of(x), y);
            })
        .inputs(-3f, 6f)
        .eps(1e-2)
        .tolerance(2e-4, 2e-2)
        .run();
  }

  @Test
  void sparseCrossEntropyWithSmoothingWeightsAndVoid() {
    check(MULTI, new SparseCategoricalCrossEntropy(0.1, new double[] {0.5, 2, 1}), labels());
  }

  @Test
  void categoricalFocal() {
    check(MULTI, new CategoricalFocalCrossEntropy(0.25, 2, 0.1, new double[] {1, 2, 3}), labels());
  }

  @Test
  void multiClassDiceAndTversky() {
    check(MULTI, new Dice(1, new double[] {1, 2, 0.5}), labels());
    check(MULTI, new Tversky(0.3, 0.7, 0, null), labels());
  }

  @Test
  void binaryFocalBceAndTversky() {
    float[] soft = LossReference.uniform(new SplittableRandom(5), 24, 0, 1);
    check(BINARY, new BinaryFocalCrossEntropy(true, 0.25, 2, 0.1, new double[] {1, 3}), soft);
    check(BINARY, new BinaryFocalCrossEntropy(false, 0.25, 0.5, 0, null), soft);
    check(BINARY, new BinaryCrossEntropy(0.1, new double[] {0.5, 2}), soft);
    check(BINARY, new Tversky(0.2, 0.8, 1, null), soft);
  }
}
