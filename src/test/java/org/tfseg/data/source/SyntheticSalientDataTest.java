package org.tfseg.data.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.UserError;
import org.tfseg.data.SamplePair;

class SyntheticSalientDataTest {
  @TempDir Path tmp;

  @Test
  void sameSeedGivesIdenticalBytesAndAnotherSeedDiffers() throws IOException {
    List<SamplePair> a = SyntheticSalientData.generate(tmp.resolve("a"), 12, 64, 80, 5);
    List<SamplePair> b = SyntheticSalientData.generate(tmp.resolve("b"), 12, 64, 80, 5);
    List<SamplePair> c = SyntheticSalientData.generate(tmp.resolve("c"), 12, 64, 80, 6);
    assertEquals(12, a.size());
    assertEquals("00000", a.get(0).id());
    for (int i = 0; i < a.size(); i++) {
      assertArrayEquals(Files.readAllBytes(a.get(i).image()), Files.readAllBytes(b.get(i).image()));
      assertArrayEquals(Files.readAllBytes(a.get(i).mask()), Files.readAllBytes(b.get(i).mask()));
      assertFalse(
          java.util.Arrays.equals(
              Files.readAllBytes(a.get(i).image()), Files.readAllBytes(c.get(i).image())));
    }
    // Sample i does not depend on how many samples are generated.
    List<SamplePair> longer = SyntheticSalientData.generate(tmp.resolve("d"), 14, 64, 80, 5);
    assertArrayEquals(
        Files.readAllBytes(a.get(7).image()), Files.readAllBytes(longer.get(7).image()));
  }

  @Test
  void masksAreExactlyBinaryWithSensibleForegroundAndDistinctColours() throws IOException {
    List<SamplePair> pairs = SyntheticSalientData.generate(tmp.resolve("s"), 40, 48, 48, 11);
    double fractionSum = 0;
    double contrastSum = 0;
    for (SamplePair pair : pairs) {
      BufferedImage mask = ImageIO.read(pair.mask().toFile());
      BufferedImage image = ImageIO.read(pair.image().toFile());
      assertEquals(BufferedImage.TYPE_BYTE_GRAY, mask.getType(), pair.mask().toString());
      assertEquals(3, image.getColorModel().getNumColorComponents());
      Raster raster = mask.getRaster();
      int foreground = 0;
      double[] sumFg = new double[3];
      double[] sumBg = new double[3];
      for (int y = 0; y < 48; y++) {
        for (int x = 0; x < 48; x++) {
          int v = raster.getSample(x, y, 0);
          assertTrue(v == 0 || v == 255, pair.mask() + " holds " + v);
          foreground += v == 255 ? 1 : 0;
          int rgb = image.getRGB(x, y);
          for (int ch = 0; ch < 3; ch++) {
            (v == 255 ? sumFg : sumBg)[ch] += (rgb >> (16 - 8 * ch) & 255) / 255.0;
          }
        }
      }
      double fraction = foreground / (48.0 * 48);
      assertTrue(fraction > 0.01 && fraction < 0.9, pair.mask() + ": foreground " + fraction);
      fractionSum += fraction;
      double d2 = 0;
      for (int ch = 0; ch < 3; ch++) {
        double diff = sumFg[ch] / foreground - sumBg[ch] / (48 * 48 - foreground);
        d2 += diff * diff;
      }
      contrastSum += Math.sqrt(d2);
    }
    double meanFraction = fractionSum / pairs.size();
    double meanContrast = contrastSum / pairs.size();
    assertTrue(meanFraction > 0.08 && meanFraction < 0.5, "mean foreground " + meanFraction);
    assertTrue(meanContrast > 0.2 && meanContrast < 0.7, "mean colour distance " + meanContrast);
  }

  @Test
  void sameParametersAgainDoNothing() throws IOException {
    Path dir = tmp.resolve("idem");
    List<SamplePair> first = SyntheticSalientData.generate(dir, 3, 16, 16, 1);
    FileTime stamp = FileTime.fromMillis(1_000_000L);
    Files.setLastModifiedTime(first.get(0).image(), stamp);
    assertEquals(first, SyntheticSalientData.generate(dir, 3, 16, 16, 1));
    assertEquals(stamp, Files.getLastModifiedTime(first.get(0).image()), "not rewritten");
    assertTrue(Files.isRegularFile(dir.resolve(SyntheticSalientData.MANIFEST)));
  }

  @Test
  void refusesToOverwriteAForeignOrDifferentFolderButFillsAnEmptyOne() throws IOException {
    Path foreign = Files.createDirectories(tmp.resolve("mine"));
    Files.writeString(foreign.resolve("notes.txt"), "user data");
    UserError e =
        assertThrows(UserError.class, () -> SyntheticSalientData.generate(foreign, 3, 16, 16, 1));
    assertTrue(
        e.getMessage().startsWith(foreign + ": exists and was not generated"), e.getMessage());
    assertTrue(e.getMessage().endsWith("refusing to overwrite"), e.getMessage());
    assertEquals("user data", Files.readString(foreign.resolve("notes.txt")));
    assertFalse(Files.exists(foreign.resolve("images")));

    Path generated = tmp.resolve("gen");
    SyntheticSalientData.generate(generated, 3, 16, 16, 1);
    byte[] before = Files.readAllBytes(generated.resolve("images/00000.png"));
    assertThrows(UserError.class, () -> SyntheticSalientData.generate(generated, 3, 16, 16, 2));
    assertArrayEquals(before, Files.readAllBytes(generated.resolve("images/00000.png")));

    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertEquals(2, SyntheticSalientData.generate(empty, 2, 16, 16, 1).size());
    try (var siblings = Files.list(tmp)) {
      assertTrue(
          siblings.noneMatch(p -> p.getFileName().toString().startsWith(".")), "no temp left");
    }
  }

  /** Two first runs generating the same data at once both get it (one's copy is kept). */
  @Test
  void concurrentGenerationOfTheSameDataSucceedsForBoth() throws Exception {
    for (int attempt = 0; attempt < 4; attempt++) {
      Path dir = tmp.resolve("race-" + attempt);
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        var a = pool.submit(() -> SyntheticSalientData.generate(dir, 24, 32, 32, 9));
        var b = pool.submit(() -> SyntheticSalientData.generate(dir, 24, 32, 32, 9));
        assertEquals(a.get(), b.get());
        assertEquals(24, a.get().size());
      } finally {
        pool.shutdown();
      }
      try (var left = Files.list(tmp)) {
        assertEquals(
            List.of(),
            left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList(),
            "no temp folder left behind");
      }
      assertEquals(
          "rwxr-xr-x",
          java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)),
          "the data folder is readable by others");
    }
  }
}
