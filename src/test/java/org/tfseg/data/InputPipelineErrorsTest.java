package org.tfseg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.UserError;
import org.tfseg.data.source.FolderPairs;
import org.tfseg.testing.SharedData;

class InputPipelineErrorsTest {
  @TempDir Path tmp;

  private static final PipelineOptions OPTS = new PipelineOptions(32, 32, 2, true, 3, 2, 2, false);

  /** Copies the first 3 SOD pairs and adds {@code bad.jpg} holding {@code badBytes}. */
  private List<SamplePair> withCorruptImage(byte[] badBytes) throws IOException {
    Path images = Files.createDirectories(tmp.resolve("images"));
    Path masks = Files.createDirectories(tmp.resolve("masks"));
    List<SamplePair> sod = SharedData.sod(3);
    for (SamplePair p : sod) {
      Files.copy(p.image(), images.resolve(p.image().getFileName()));
      Files.copy(p.mask(), masks.resolve(p.mask().getFileName()));
    }
    Files.write(images.resolve("bad.jpg"), badBytes);
    Files.copy(sod.get(0).mask(), masks.resolve("bad.png"));
    return FolderPairs.list(images, masks);
  }

  private static void drain(InputPipeline pipeline) {
    try (BatchIterator it = pipeline.epoch(0)) {
      while (it.hasNext()) {
        it.next().close();
      }
    }
  }

  @Test
  void garbageImageIsNamedInOneLine() throws IOException {
    List<SamplePair> samples = withCorruptImage("this is not an image".getBytes());
    try (InputPipeline pipeline = new InputPipeline(samples, OPTS)) {
      UserError e = assertThrows(UserError.class, () -> drain(pipeline));
      Path bad = tmp.resolve("images").resolve("bad.jpg");
      assertTrue(e.getMessage().startsWith(bad + ": cannot decode image: "), e.getMessage());
      assertTrue(!e.getMessage().contains("\n"), e.getMessage());
      // The pipeline stays usable: the next epoch starts afresh and fails the same way.
      assertThrows(UserError.class, () -> drain(pipeline));
    }
  }

  @Test
  void truncatedJpegIsNamed() throws IOException {
    byte[] real = Files.readAllBytes(SharedData.sod(1).get(0).image());
    byte[] truncated = java.util.Arrays.copyOf(real, real.length / 3);
    List<SamplePair> samples = withCorruptImage(truncated);
    try (InputPipeline pipeline = new InputPipeline(samples, OPTS)) {
      UserError e = assertThrows(UserError.class, () -> drain(pipeline));
      assertTrue(e.getMessage().contains("bad.jpg: cannot decode image: "), e.getMessage());
    }
  }

  @Test
  void imageAndMaskOfDifferentSizesAreNamed() throws IOException {
    Path image = tmp.resolve("wide.png");
    Path mask = tmp.resolve("tall.png");
    ImageIO.write(new BufferedImage(6, 4, BufferedImage.TYPE_3BYTE_BGR), "png", image.toFile());
    ImageIO.write(new BufferedImage(4, 6, BufferedImage.TYPE_BYTE_GRAY), "png", mask.toFile());
    List<SamplePair> samples = new ArrayList<>(SharedData.sod(3));
    samples.add(new SamplePair("transposed", image, mask));
    try (InputPipeline pipeline = new InputPipeline(samples, OPTS)) {
      UserError e = assertThrows(UserError.class, () -> drain(pipeline));
      assertEquals(mask + ": mask is 4x6 (WxH) but its image " + image + " is 6x4", e.getMessage());
    }
  }

  @Test
  void missingFileIsRejectedBeforeBuilding() {
    List<SamplePair> samples = new ArrayList<>(SharedData.sod(2));
    Path missing = tmp.resolve("gone.png");
    samples.add(new SamplePair("gone", samples.get(0).image(), missing));
    UserError e = assertThrows(UserError.class, () -> new InputPipeline(samples, OPTS));
    assertEquals(missing + ": file not found", e.getMessage());
  }

  @Test
  void noFullBatchWithDropRemainderIsAUserError() {
    PipelineOptions opts = new PipelineOptions(32, 32, 8, false, 0, 1, 0, true);
    assertThrows(UserError.class, () -> new InputPipeline(SharedData.sod(3), opts));
  }
}
