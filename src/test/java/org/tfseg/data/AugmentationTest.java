package org.tfseg.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.IntBinaryOperator;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tfseg.graph.Tensors;

class AugmentationTest {
  private static final int H = 32, W = 24;

  @TempDir Path dir;

  /** Grey RGB images whose mask PNG holds the same grey values, so image channel 0 == mask. */
  private List<SamplePair> samples(int n, IntBinaryOperator grey) throws IOException {
    List<SamplePair> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      BufferedImage rgb = new BufferedImage(W, H, BufferedImage.TYPE_3BYTE_BGR);
      BufferedImage mask = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          int v = grey.applyAsInt(y, x + 31 * k) & 0xff;
          rgb.setRGB(x, y, (v << 16) | (v << 8) | v);
          mask.getRaster().setSample(x, y, 0, v);
        }
      }
      String id = String.format("s%03d", k);
      Path image = dir.resolve(id + ".png");
      Path maskFile = dir.resolve(id + "_mask.png");
      ImageIO.write(rgb, "png", image.toFile());
      ImageIO.write(mask, "png", maskFile.toFile());
      out.add(new SamplePair(id, image, maskFile));
    }
    return out;
  }

  private static PipelineOptions options(int batch, long seed, Augmentation a) {
    return new PipelineOptions(H, W, batch, false, seed, 2, 0, false, a);
  }

  /** Images and masks of one epoch, per sample (unshuffled, so in sample order). */
  private static List<float[][]> epoch(InputPipeline p, int epoch) {
    List<float[][]> out = new ArrayList<>();
    try (BatchIterator it = p.epoch(epoch)) {
      while (it.hasNext()) {
        try (Batch b = it.next()) {
          float[] x = Tensors.floats(b.images());
          float[] y = Tensors.floats(b.masks());
          int n = b.size();
          int px = y.length / n;
          for (int i = 0; i < n; i++) {
            float[] img = new float[px * 3];
            float[] m = new float[px];
            System.arraycopy(x, i * px * 3, img, 0, px * 3);
            System.arraycopy(y, i * px, m, 0, px);
            out.add(new float[][] {img, m});
          }
        }
      }
    }
    return out;
  }

  @Test
  void cropAndFlipMoveImageAndMaskTogether() throws IOException {
    SplittableRandom r = new SplittableRandom(3);
    int[][] noise = new int[H][W * 40];
    for (int[] row : noise) {
      for (int i = 0; i < row.length; i++) {
        row[i] = r.nextInt(256);
      }
    }
    List<SamplePair> s = samples(12, (y, x) -> noise[y][x]);
    Augmentation a = new Augmentation(true, new Augmentation.Crop(16, 12), null);
    int flipped = 0;
    int kept = 0;
    try (InputPipeline plain = new InputPipeline(s, options(5, 9, Augmentation.NONE));
        InputPipeline aug = new InputPipeline(s, options(5, 9, a))) {
      List<float[][]> originals = epoch(plain, 0);
      for (int e = 0; e < 2; e++) {
        List<float[][]> out = epoch(aug, e);
        assertEquals(12, out.size());
        for (int i = 0; i < out.size(); i++) {
          float[] img = out.get(i)[0];
          float[] mask = out.get(i)[1];
          assertEquals(16 * 12, mask.length);
          for (int p = 0; p < mask.length; p++) {
            assertEquals(mask[p], img[3 * p], "image and mask moved together");
          }
          int how = findWindow(originals.get(i)[1], mask);
          assertTrue(how != 0, "sample " + i + " is not a (flipped) 16x12 window of its input");
          flipped += how < 0 ? 1 : 0;
          kept += how > 0 ? 1 : 0;
        }
      }
    }
    assertTrue(flipped >= 4 && kept >= 4, "flips " + flipped + " vs " + kept + " of 24");
  }

  /** +1 if {@code crop} is a window of {@code full}, −1 if a mirrored window, 0 if neither. */
  private static int findWindow(float[] full, float[] crop) {
    for (int oy = 0; oy <= H - 16; oy++) {
      for (int ox = 0; ox <= W - 12; ox++) {
        boolean same = true;
        boolean mirrored = true;
        for (int y = 0; y < 16 && (same || mirrored); y++) {
          for (int x = 0; x < 12; x++) {
            float v = full[(oy + y) * W + ox + x];
            same &= crop[y * 12 + x] == v;
            mirrored &= crop[y * 12 + 11 - x] == v;
          }
        }
        if (same || mirrored) {
          return same ? 1 : -1;
        }
      }
    }
    return 0;
  }

  @Test
  void sameSeedAndEpochGiveTheSameSamplesOtherEpochsOrSeedsDiffer() throws IOException {
    List<SamplePair> s = samples(6, (y, x) -> x * 9 + y * 5);
    Augmentation a =
        new Augmentation(
            true,
            new Augmentation.Crop(24, 16),
            new Augmentation.BrightnessContrast(0.2, 0.2, 0.5));
    try (InputPipeline p = new InputPipeline(s, options(4, 11, a));
        InputPipeline q = new InputPipeline(s, options(4, 11, a));
        InputPipeline other = new InputPipeline(s, options(4, 12, a))) {
      List<float[][]> p1 = epoch(p, 1);
      List<float[][]> p0 = epoch(p, 0);
      List<float[][]> q1 = epoch(q, 1); // a fresh pipeline jumping straight to epoch 1 (a resume)
      List<float[][]> o1 = epoch(other, 1);
      boolean epochsDiffer = false;
      boolean seedsDiffer = false;
      for (int i = 0; i < s.size(); i++) {
        assertArrayEquals(p1.get(i)[0], q1.get(i)[0]);
        assertArrayEquals(p1.get(i)[1], q1.get(i)[1]);
        epochsDiffer |= !java.util.Arrays.equals(p0.get(i)[0], p1.get(i)[0]);
        seedsDiffer |= !java.util.Arrays.equals(o1.get(i)[0], p1.get(i)[0]);
      }
      assertTrue(epochsDiffer, "epochs 0 and 1 augment alike");
      assertTrue(seedsDiffer, "seeds 11 and 12 augment alike");
    }
  }

  /**
   * On an image of two grey levels a and b, an applied jitter maps them to αa + β and αb + β, so α
   * and β can be read back: α ~ U(0.8, 1.2), β ~ U(−0.2, 0.2), applied to about half the images,
   * and the mask is never touched.
   */
  @Test
  void brightnessContrastFollowsAlbumentations() throws IOException {
    int lo = 102;
    int hi = 153;
    List<SamplePair> one = samples(1, (y, x) -> (x % 31) < W / 2 ? lo : hi);
    List<SamplePair> s = new ArrayList<>();
    for (int k = 0; k < 240; k++) {
      s.add(new SamplePair("x" + k, one.get(0).image(), one.get(0).mask()));
    }
    Augmentation a =
        new Augmentation(false, null, new Augmentation.BrightnessContrast(0.2, 0.2, 0.5));
    double a0 = lo / 255.0;
    double b0 = hi / 255.0;
    List<Double> alphas = new ArrayList<>();
    List<Double> betas = new ArrayList<>();
    try (InputPipeline p = new InputPipeline(s, options(60, 4, a))) {
      for (float[][] sample : epoch(p, 0)) {
        float[] img = sample[0];
        for (int px = 0; px < H * W; px++) {
          assertEquals(
              px % W < W / 2 ? lo / 255f : hi / 255f, sample[1][px], 1e-6, "mask unchanged");
          assertEquals(img[3 * px], img[3 * px + 2], "one α, β for all channels");
        }
        double la = img[0];
        double lb = img[3 * (W - 1)];
        assertEquals(la, img[3 * (H * W - W)], 1e-6, "one α, β for all pixels");
        if (Math.abs(la - a0) < 1e-6 && Math.abs(lb - b0) < 1e-6) {
          continue;
        }
        double alpha = (lb - la) / (b0 - a0);
        alphas.add(alpha);
        betas.add(la - alpha * a0);
      }
    }
    double applied = alphas.size() / 240.0;
    assertTrue(applied > 0.38 && applied < 0.62, "applied to " + applied);
    for (int i = 0; i < alphas.size(); i++) {
      assertTrue(
          alphas.get(i) > 0.8 - 1e-4 && alphas.get(i) < 1.2 + 1e-4, "alpha " + alphas.get(i));
      assertTrue(Math.abs(betas.get(i)) < 0.2 + 1e-4, "beta " + betas.get(i));
    }
    double meanA = alphas.stream().mapToDouble(d -> d).average().orElseThrow();
    double sdA =
        Math.sqrt(
            alphas.stream().mapToDouble(d -> (d - meanA) * (d - meanA)).sum() / alphas.size());
    double meanB = betas.stream().mapToDouble(d -> d).average().orElseThrow();
    assertEquals(1.0, meanA, 0.035);
    assertEquals(0.4 / Math.sqrt(12), sdA, 0.025); // the sd of U(0.8, 1.2)
    assertEquals(0.0, meanB, 0.035);
    assertFalse(alphas.isEmpty());
  }

  @Test
  void cropShapesReachTheBatches() throws IOException {
    List<SamplePair> s = samples(3, (y, x) -> x + y);
    try (InputPipeline p =
            new InputPipeline(
                s, options(2, 0, new Augmentation(false, new Augmentation.Crop(8, 20), null)));
        BatchIterator it = p.epoch(0);
        Batch b = it.next()) {
      assertEquals(Shape.of(2, 8, 20, 3), b.images().shape());
      assertEquals(Shape.of(2, 8, 20, 1), b.masks().shape());
    }
  }
}
