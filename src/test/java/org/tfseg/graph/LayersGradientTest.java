package org.tfseg.graph;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.nn.Conv2d;
import org.tfseg.graph.ConvSpec.Padding;

/** Finite-difference gradient checks, one per layer of the toolkit. */
class LayersGradientTest {
  private static final Shape X = Shape.of(2, 6, 6, 3);

  @Test
  void conv2dSameStride1() {
    assertTrue(GradientCheck.of(X, (l, x) -> l.conv2d("c", x, ConvSpec.of(4, 3))).run() > 0);
  }

  @Test
  void conv2dValidStride2NoBias() {
    GradientCheck.of(
            X,
            (l, x) -> l.conv2d("c", x, ConvSpec.of(4, 3).stride(2).padding(Padding.VALID).noBias()))
        .run();
  }

  @Test
  void conv2dDilatedSame() {
    GradientCheck.of(
            Shape.of(1, 9, 7, 2), (l, x) -> l.conv2d("c", x, ConvSpec.of(3, 3).dilation(2)))
        .run();
  }

  @Test
  void conv2dDilatedValid() {
    GradientCheck.of(
            Shape.of(1, 11, 10, 2),
            (l, x) -> l.conv2d("c", x, ConvSpec.of(3, 3).dilation(3).padding(Padding.VALID)))
        .run();
  }

  @Test
  void batchNormTraining() {
    GradientCheck.of(X, (l, x) -> l.batchNorm("bn", x)).tolerance(5e-3, 3e-2).run();
  }

  @Test
  void batchNormInference() {
    GradientCheck.of(X, (l, x) -> l.batchNorm("bn", x)).inference().run();
  }

  @Test
  void reluAwayFromKink() {
    GradientCheck.of(X, (l, x) -> l.relu("r", x)).inputs(0.05f, 1f).run();
    GradientCheck.of(X, (l, x) -> l.relu("r", x)).inputs(-1.05f, 1f).run();
  }

  @Test
  void relu6AwayFromKinks() {
    GradientCheck.of(X, (l, x) -> l.relu6("r", x)).inputs(0.1f, 5f).run();
  }

  @Test
  void sigmoid() {
    GradientCheck.of(X, (l, x) -> l.sigmoid("s", x)).inputs(-3f, 6f).run();
  }

  @Test
  void maxPool() {
    GradientCheck.of(X, (l, x) -> l.maxPool("p", x, 2)).run();
  }

  @Test
  void upsampleBilinear() {
    GradientCheck.of(X, (l, x) -> l.upsampleBilinear("u", x, 2)).run();
  }

  @Test
  void resizeBilinear() {
    GradientCheck.of(X, (l, x) -> l.resizeBilinear("u", x, 9, 5)).run();
  }

  @Test
  void concatAndAdd() {
    GradientCheck.of(X, (l, x) -> l.concat("c", List.of(l.conv2d("a", x, ConvSpec.of(2, 1)), x)))
        .run();
    GradientCheck.of(X, (l, x) -> l.add("s", l.conv2d("a", x, ConvSpec.of(3, 1)), x)).run();
  }

  @Test
  void convTransposeSameAndValid() {
    GradientCheck.of(X, (l, x) -> l.convTranspose("t", x, ConvSpec.of(2, 4).stride(2).noBias()))
        .run();
    GradientCheck.of(
            X,
            (l, x) -> l.convTranspose("t", x, ConvSpec.of(2, 3).stride(2).padding(Padding.VALID)))
        .run();
  }

  @Test
  void depthwiseConv() {
    GradientCheck.of(X, (l, x) -> l.depthwiseConv("d", x, 3, 1, Padding.SAME, 1, false)).run();
    GradientCheck.of(X, (l, x) -> l.depthwiseConv("d", x, 3, 2, Padding.VALID, 2, true)).run();
  }

  @Test
  void dropoutTraining() {
    GradientCheck.of(X, (l, x) -> l.dropout("d", x, 0.5)).run();
  }

  @Test
  void zeroPad() {
    GradientCheck.of(X, (l, x) -> l.zeroPad("z", x, 0, 1, 0, 1)).run();
  }

  /**
   * The checker must catch a wrong gradient: TF's native dilated conv drops the dilation in its
   * gradient.
   */
  @Test
  void checkerDetectsTheNativeDilatedConvGradientBug() {
    assertThrows(
        AssertionFailedError.class,
        () ->
            GradientCheck.of(
                    Shape.of(1, 9, 9, 2),
                    (l, x) -> {
                      ModelVariable k =
                          l.store()
                              .get("k", Shape.of(3, 3, 2, 2), Initializer.glorotUniform(), true);
                      return l.tf()
                          .nn
                          .conv2d(
                              x,
                              k.value(),
                              List.of(1L, 1L, 1L, 1L),
                              "SAME",
                              Conv2d.dilations(List.of(1L, 2L, 2L, 1L)));
                    })
                .run());
  }
}
