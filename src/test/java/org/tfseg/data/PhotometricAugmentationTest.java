package org.tfseg.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Tensors;

/**
 * Hue/saturation/value and Gaussian blur against float64 references of Albumentations' float-image
 * formulas, fed the same per-sample draws; Gaussian noise by its statistics. All leave the mask
 * alone.
 */
class PhotometricAugmentationTest {
  private static final int H = 20, W = 16;
  private static final long[] SEED = {11, 3};

  /** The per-sample uniform draws {@link AugmentOps} takes from {@code seed}. */
  private static float[] draws(long[] seed) {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      var u =
          tf.random.statelessRandomUniform(
              tf.constant(new int[] {AugmentOps.DRAWS}), tf.constant(seed), TFloat32.class);
      try (Result r = s.runner().fetch(u).run()) {
        return Tensors.floats((TFloat32) r.get(0));
      }
    }
  }

  private static float[] image() {
    SplittableRandom r = new SplittableRandom(2);
    float[] v = new float[H * W * 3];
    for (int i = 0; i < v.length; i++) {
      v[i] = (float) r.nextDouble();
    }
    return v;
  }

  private static Augmentation only(
      Augmentation.HueSaturationValue hsv,
      Augmentation.GaussianBlur blur,
      Augmentation.GaussNoise noise) {
    return new Augmentation(false, false, null, null, null, null, hsv, blur, noise);
  }

  private static double symmetric(float u, double limit) {
    return (2.0 * u - 1) * limit;
  }

  @Test
  void hueSaturationValueShiftsAsAlbumentationsFloatPath() {
    float[] u = draws(SEED);
    float[] image = image();
    float[] mask = new float[H * W];
    var hsv = new Augmentation.HueSaturationValue(30, 0.2, 0.15, 1);
    float[][] out = GeometricAlignmentTest.run(only(hsv, null, null), image, mask, SEED, null);
    double dh = symmetric(u[14], 30);
    double ds = symmetric(u[15], 0.2);
    double dv = symmetric(u[16], 0.15);
    double worst = 0;
    for (int i = 0; i < H * W; i++) {
      double[] rgb = {image[i * 3], image[i * 3 + 1], image[i * 3 + 2]};
      double[] shifted = ColourReference.shift(rgb, dh, ds, dv);
      for (int c = 0; c < 3; c++) {
        worst = Math.max(worst, Math.abs(shifted[c] - out[0][i * 3 + c]));
      }
    }
    System.out.printf("deviation hue_saturation_value: %.3g%n", worst);
    assertTrue(worst < 2e-5, "worst " + worst);
    assertArrayEquals(mask, out[1], 0);
  }

  @Test
  void gaussianBlurIsOpenCvsKernelWithReflect101Borders() {
    float[] u = draws(SEED);
    float[] image = image();
    var blur = new Augmentation.GaussianBlur(5, 0.5, 2.5, 1);
    float[][] out =
        GeometricAlignmentTest.run(only(null, blur, null), image, new float[H * W], SEED, null);
    double sigma = 0.5 + u[18] * 2.0;
    double[] k = new double[5];
    double sum = 0;
    for (int i = 0; i < 5; i++) {
      k[i] = Math.exp(-(i - 2) * (i - 2) / (2 * sigma * sigma));
      sum += k[i];
    }
    double worst = 0;
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        for (int c = 0; c < 3; c++) {
          double v = 0;
          for (int i = 0; i < 5; i++) {
            for (int j = 0; j < 5; j++) {
              int yy = reflect101(y + i - 2, H);
              int xx = reflect101(x + j - 2, W);
              v += k[i] * k[j] / (sum * sum) * image[(yy * W + xx) * 3 + c];
            }
          }
          worst = Math.max(worst, Math.abs(v - out[0][(y * W + x) * 3 + c]));
        }
      }
    }
    System.out.printf("deviation gaussian_blur: %.3g%n", worst);
    assertTrue(worst < 1e-5, "worst " + worst);
  }

  private static int reflect101(int i, int n) {
    return i < 0 ? -i : i >= n ? 2 * n - 2 - i : i;
  }

  @Test
  void gaussNoiseHasTheDrawnSigmaAndIsClipped() {
    float[] u = draws(SEED);
    float[] image = new float[H * W * 3];
    java.util.Arrays.fill(image, 0.5f);
    var noise = new Augmentation.GaussNoise(0.02, 0.1, 1);
    float[][] out =
        GeometricAlignmentTest.run(only(null, null, noise), image, new float[H * W], SEED, null);
    double sigma = 0.02 + u[20] * 0.08;
    double mean = 0;
    double sq = 0;
    for (float v : out[0]) {
      mean += v - 0.5;
      sq += (v - 0.5) * (v - 0.5);
      assertTrue(v >= 0 && v <= 1);
    }
    mean /= out[0].length;
    double std = Math.sqrt(sq / out[0].length - mean * mean);
    assertEquals(0, mean, 4 * sigma / Math.sqrt(out[0].length));
    assertEquals(sigma, std, 0.08 * sigma);
    float[] white = new float[H * W * 3];
    java.util.Arrays.fill(white, 1f);
    float[][] clipped =
        GeometricAlignmentTest.run(only(null, null, noise), white, new float[H * W], SEED, null);
    for (float v : clipped[0]) {
      assertTrue(v <= 1f);
    }
  }

  @Test
  void probabilityZeroChangesNothingAndTheSeedDecidesEverything() {
    float[] image = image();
    float[] mask = new float[H * W];
    Augmentation off =
        only(
            new Augmentation.HueSaturationValue(30, 0.2, 0.2, 0),
            new Augmentation.GaussianBlur(5, 1, 2, 0),
            new Augmentation.GaussNoise(0.1, 0.1, 0));
    assertArrayEquals(image, GeometricAlignmentTest.run(off, image, mask, SEED, null)[0], 0);
    Augmentation on =
        only(
            new Augmentation.HueSaturationValue(30, 0.2, 0.2, 1),
            new Augmentation.GaussianBlur(5, 1, 2, 1),
            new Augmentation.GaussNoise(0.1, 0.1, 1));
    float[] a = GeometricAlignmentTest.run(on, image, mask, SEED, null)[0];
    assertArrayEquals(a, GeometricAlignmentTest.run(on, image, mask, SEED, null)[0], 0);
    float[] b = GeometricAlignmentTest.run(on, image, mask, new long[] {11, 4}, null)[0];
    assertTrue(!java.util.Arrays.equals(a, b));
  }
}
