package org.tfseg.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Tensors;

/**
 * Image and mask stay aligned under every geometric augmentation. Class labels: the image's
 * channels hold each pixel's (row, column, 1) and the mask a distinct label per pixel, so after an
 * op the mask must hold the label of the pixel nearest to where the image was sampled — exactly,
 * never an interpolated value. Grey masks go through the image's own ops: with the mask as the
 * image, both come out bit-identical.
 */
class GeometricAlignmentTest {
  private static final int H = 20, W = 16;
  private static final LabelMap LABELS = LabelMap.of(Map.of(0, 0));

  private static List<Augmentation> geometric() {
    return List.of(
        new Augmentation(
            false, false, null, new Augmentation.Scale(0.4, 1), null, null, null, null, null),
        rotation(Augmentation.FillMode.CONSTANT),
        rotation(Augmentation.FillMode.REFLECT),
        rotation(Augmentation.FillMode.NEAREST),
        new Augmentation(
            true, true, new Augmentation.Crop(12, 10), null, null, null, null, null, null),
        new Augmentation(
            true,
            true,
            new Augmentation.Crop(16, 12),
            new Augmentation.Scale(0.3, 1),
            new Augmentation.Rotate(40, 1, Augmentation.FillMode.CONSTANT),
            null,
            null,
            null,
            null));
  }

  private static Augmentation rotation(Augmentation.FillMode fill) {
    return new Augmentation(
        false, false, null, null, new Augmentation.Rotate(45, 1, fill), null, null, null, null);
  }

  /** {@code [image, mask]} of one augmented pair, flattened. */
  static float[][] run(Augmentation a, float[] image, float[] mask, long[] seed, LabelMap labels) {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      Operand<TFloat32> img = tf.constant(Shape.of(H, W, 3), DataBuffers.of(image, true, false));
      Operand<TFloat32> msk = tf.constant(Shape.of(H, W, 1), DataBuffers.of(mask, true, false));
      List<Operand<TFloat32>> out =
          AugmentOps.apply(tf, a, img, msk, tf.constant(seed), H, W, labels);
      try (Result r = s.runner().fetch(out.get(0)).fetch(out.get(1)).run()) {
        return new float[][] {
          Tensors.floats((TFloat32) r.get(0)), Tensors.floats((TFloat32) r.get(1))
        };
      }
    }
  }

  @Test
  void labelMasksHoldTheLabelOfThePixelTheImageWasSampledAt() {
    float[] image = new float[H * W * 3];
    float[] mask = new float[H * W];
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        image[(y * W + x) * 3] = y;
        image[(y * W + x) * 3 + 1] = x;
        image[(y * W + x) * 3 + 2] = 1;
        mask[y * W + x] = y * W + x;
      }
    }
    int checked = 0;
    for (Augmentation a : geometric()) {
      for (long k = 0; k < 12; k++) {
        float[][] out = run(a, image, mask, new long[] {7, k}, LABELS);
        int n = out[1].length;
        for (int i = 0; i < n; i++) {
          float m = out[1][i];
          float row = out[0][i * 3];
          float col = out[0][i * 3 + 1];
          float inside = out[0][i * 3 + 2];
          assertEquals(Math.rint(m), m, 0, a + ": an interpolated label");
          if (m < 0) {
            continue;
          }
          assertTrue(m >= 0 && m < H * W, "label " + m);
          boolean constantFill =
              a.rotate() == null || a.rotate().fillMode() == Augmentation.FillMode.CONSTANT;
          if (constantFill && inside != 1f) {
            continue; // a border pixel blended with the fill: its sample point is not exact
          }
          if (!constantFill && (a.rotate() != null)) {
            // reflected or repeated edges: the label is still one of the input's, checked above
            continue;
          }
          int r = (int) m / W;
          int c = (int) m % W;
          // one nearest-neighbour pick is within half a pixel; scale then rotate picks twice, the
          // first on a grid up to 1/0.7 input pixels wide
          double tolerance = a.scale() != null && a.rotate() != null ? 0.5 + 0.5 / 0.7 : 0.5;
          assertTrue(
              Math.abs(row - r) <= tolerance + 1e-3 && Math.abs(col - c) <= tolerance + 1e-3,
              a
                  + " seed "
                  + k
                  + ": mask label of ("
                  + r
                  + ", "
                  + c
                  + ") where the image sampled ("
                  + row
                  + ", "
                  + col
                  + ")");
          checked++;
        }
      }
    }
    assertTrue(checked > 10000, "checked " + checked);
  }

  @Test
  void constantFillIsBackgroundOrVoidInTheMaskWhereTheImageIsFill() {
    float[] image = new float[H * W * 3];
    float[] mask = new float[H * W];
    java.util.Arrays.fill(image, 1f);
    java.util.Arrays.fill(mask, 2f);
    LabelMap withVoid = LABELS.withVoid(255);
    Augmentation scale =
        new Augmentation(
            false, false, null, new Augmentation.Scale(0.5, 1), null, null, null, null, null);
    boolean padded = false;
    for (long k = 0; k < 12; k++) {
      float[][] out = run(scale, image, mask, new long[] {3, k}, withVoid);
      for (int i = 0; i < out[1].length; i++) {
        boolean pad = out[0][i * 3] == 0f;
        padded |= pad;
        assertEquals(pad ? LabelMap.VOID : 2f, out[1][i], 0);
      }
    }
    assertTrue(padded, "no seed scaled down");
    float[][] rotated =
        run(rotation(Augmentation.FillMode.CONSTANT), image, mask, new long[] {3, 1}, null);
    for (int i = 0; i < rotated[1].length; i++) {
      assertEquals(rotated[0][i * 3] * 2f, rotated[1][i], 1e-6); // grey: blended alike
    }
  }

  @Test
  void greyMasksGoThroughTheImagesOwnOps() {
    SplittableRandom r = new SplittableRandom(9);
    float[] grey = new float[H * W];
    float[] image = new float[H * W * 3];
    for (int i = 0; i < grey.length; i++) {
      grey[i] = (float) r.nextDouble();
      image[i * 3] = image[i * 3 + 1] = image[i * 3 + 2] = grey[i];
    }
    for (Augmentation a : geometric()) {
      for (long k = 0; k < 6; k++) {
        float[][] out = run(a, image, grey, new long[] {5, k}, null);
        float[] channel0 = new float[out[1].length];
        for (int i = 0; i < channel0.length; i++) {
          channel0[i] = out[0][i * 3];
        }
        assertArrayEquals(out[1], channel0, 0, a + " seed " + k);
      }
    }
  }
}
