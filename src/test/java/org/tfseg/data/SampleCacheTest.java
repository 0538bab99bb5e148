package org.tfseg.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.graph.Tensors;

/**
 * A cached pipeline delivers bit-identical batches to an uncached one — same order, same seeded
 * augmentation, also from a mid-epoch resume — and a file cache is reused by a new pipeline.
 */
class SampleCacheTest {
  private static final int H = 24, W = 20;

  @TempDir Path dir;

  private List<SamplePair> samples(int n) throws IOException {
    SplittableRandom r = new SplittableRandom(1);
    List<SamplePair> out = new ArrayList<>();
    for (int k = 0; k < n; k++) {
      BufferedImage rgb = new BufferedImage(37, 29, BufferedImage.TYPE_3BYTE_BGR);
      BufferedImage mask = new BufferedImage(37, 29, BufferedImage.TYPE_BYTE_GRAY);
      for (int y = 0; y < 29; y++) {
        for (int x = 0; x < 37; x++) {
          rgb.setRGB(x, y, r.nextInt(1 << 24));
          mask.getRaster().setSample(x, y, 0, r.nextInt(256));
        }
      }
      Path image = dir.resolve("s" + k + ".jpg");
      Path m = dir.resolve("s" + k + ".png");
      ImageIO.write(rgb, "jpg", image.toFile());
      ImageIO.write(mask, "png", m.toFile());
      out.add(new SamplePair("s" + k, image, m));
    }
    return out;
  }

  private static final Augmentation AUGMENT =
      new Augmentation(
          true,
          true,
          new Augmentation.Crop(16, 16),
          new Augmentation.Scale(0.2, 0.5),
          new Augmentation.Rotate(20, 0.5, Augmentation.FillMode.REFLECT),
          new Augmentation.BrightnessContrast(0.2, 0.2, 0.5),
          new Augmentation.HueSaturationValue(20, 0.1, 0.1, 0.5),
          new Augmentation.GaussianBlur(3, 0.5, 1, 0.5),
          new Augmentation.GaussNoise(0.01, 0.05, 0.5));

  private static PipelineOptions options() {
    return new PipelineOptions(H, W, 3, true, 9, 2, 1, false, AUGMENT);
  }

  /** Images then masks of every batch of the epoch, concatenated. */
  private static List<float[]> epoch(InputPipeline p, int epoch, int skip) {
    List<float[]> out = new ArrayList<>();
    try (BatchIterator it = p.epoch(epoch, skip)) {
      while (it.hasNext()) {
        try (Batch b = it.next()) {
          out.add(Tensors.floats(b.images()));
          out.add(Tensors.floats(b.masks()));
        }
      }
    }
    return out;
  }

  private static void same(List<float[]> a, List<float[]> b) {
    assertEquals(a.size(), b.size());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(a.get(i), b.get(i), 0, "batch part " + i);
    }
  }

  @Test
  void cachedEpochsEqualUncachedOnesBitForBit() throws IOException {
    List<SamplePair> s = samples(7);
    List<List<float[]>> plain = new ArrayList<>();
    try (InputPipeline p = new InputPipeline(s, options())) {
      for (int e = 0; e < 3; e++) {
        plain.add(epoch(p, e, 0));
      }
    }
    for (SampleCache cache : List.of(SampleCache.MEMORY, SampleCache.FILE)) {
      PipelineOptions o = options().withCache(cache, dir.resolve("cache-" + cache));
      try (InputPipeline p = new InputPipeline(s, o)) {
        for (int e = 0; e < 3; e++) {
          same(plain.get(e), epoch(p, e, 0));
        }
        // a mid-epoch resume: the tail of epoch 2 from batch 1
        same(plain.get(2).subList(2, plain.get(2).size()), epoch(p, 2, 1));
      }
    }
  }

  @Test
  void aFileCacheIsReusedAndRebuiltWhenTheDataChanges() throws IOException {
    List<SamplePair> s = samples(4);
    Path cacheDir = dir.resolve("cache");
    PipelineOptions o =
        new PipelineOptions(H, W, 2, false, 0, 1, 0, false).withCache(SampleCache.FILE, cacheDir);
    List<float[]> first;
    try (InputPipeline p = new InputPipeline(s, o)) {
      first = epoch(p, 0, 0);
    }
    assertTrue(Files.isRegularFile(cacheDir.resolve("manifest.txt")));
    assertEquals(16L * H * W, Files.size(cacheDir.resolve("0.f32")));
    // a new pipeline reads the cache files: a marked file shows up in its first batch
    byte[] marked = Files.readAllBytes(cacheDir.resolve("0.f32"));
    ByteBuffer.wrap(marked).order(ByteOrder.LITTLE_ENDIAN).putFloat(0, 42f);
    Files.write(cacheDir.resolve("0.f32"), marked);
    try (InputPipeline p = new InputPipeline(s, o)) {
      assertEquals(42f, epoch(p, 0, 0).get(0)[0], 0);
    }
    // a changed source file invalidates the manifest: the cache is decoded afresh
    Files.setLastModifiedTime(
        s.get(1).image(), java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L));
    try (InputPipeline p = new InputPipeline(s, o)) {
      same(first, epoch(p, 0, 0));
    }
  }
}
