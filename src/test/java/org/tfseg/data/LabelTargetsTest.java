package org.tfseg.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tfseg.UserError;
import org.tfseg.data.source.OxfordPetFixture;
import org.tfseg.data.source.OxfordPetLayout;
import org.tfseg.graph.Tensors;
import org.tfseg.testing.SharedData;

/** {@code labels} targets through the input pipeline, on the real Oxford-IIIT Pet sample. */
class LabelTargetsTest {
  private static final int SIZE = 48;

  @TempDir Path root;

  @Test
  void trimapsBecomeNearestResizedClassIndices() throws IOException {
    List<SamplePair> samples =
        OxfordPetLayout.list(OxfordPetFixture.officialLayout(root), "trainval");
    PipelineOptions options = new PipelineOptions(SIZE, SIZE, 8, false, 0, 2, 0, false);
    long[] counts = new long[3];
    int seen = 0;
    try (InputPipeline pipeline = new InputPipeline(samples, options);
        BatchIterator it = pipeline.epoch(0)) {
      while (it.hasNext()) {
        try (Batch b = it.next()) {
          assertEquals(Shape.of(b.size(), SIZE, SIZE, 1), b.masks().shape());
          assertEquals(Shape.of(b.size(), SIZE, SIZE, 3), b.images().shape());
          float[] labels = Tensors.floats(b.masks());
          int per = SIZE * SIZE;
          for (int k = 0; k < b.size(); k++) {
            float[] one = java.util.Arrays.copyOfRange(labels, k * per, (k + 1) * per);
            assertArrayEquals(expected(samples.get(seen + k).mask()), one, b.ids().get(k));
            for (float v : one) {
              counts[(int) v]++;
            }
          }
          seen += b.size();
        }
      }
    }
    assertEquals(samples.size(), seen);
    double total = counts[0] + counts[1] + counts[2];
    // pets fill a good part of these photos; the border is a thin band; the rest is background
    assertTrue(
        counts[0] / total > 0.2 && counts[0] / total < 0.8, "pet share " + counts[0] / total);
    assertTrue(
        counts[1] / total > 0.02 && counts[1] / total < 0.25, "border share " + counts[1] / total);
    assertTrue(counts[2] / total > 0.2, "background share " + counts[2] / total);
  }

  @Test
  void unmappedAndColourLabelsNameTheFile() throws IOException {
    List<SamplePair> samples = OxfordPetLayout.list(OxfordPetFixture.officialLayout(root), "test");
    SamplePair first = samples.get(0);
    // a trimap with a value outside {1, 2, 3}
    int[][] trimap = OxfordPetFixture.read(first.mask());
    var image =
        new java.awt.image.BufferedImage(
            trimap[0].length, trimap.length, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
    image.getRaster().setSample(0, 0, 0, 7);
    Path odd = Files.createDirectories(root.resolve("odd")).resolve("odd.png");
    javax.imageio.ImageIO.write(image, "png", odd.toFile());
    UserError e =
        assertThrows(
            UserError.class,
            () -> firstBatch(new SamplePair("odd", first.image(), odd, LabelMap.OXFORD_TRIMAP)));
    assertTrue(e.getMessage().startsWith(odd + ": "), e.getMessage());
    assertTrue(
        e.getMessage().contains("label value outside the mapping {1→0, 2→1, 3→2}"), e.getMessage());
    // the course-processed label itself is a VOC-colour palette PNG: its indices are not readable
    Path processed =
        SharedData.dir("oxford-pet-sample").resolve("labels").resolve(first.id() + ".png");
    e =
        assertThrows(
            UserError.class,
            () ->
                firstBatch(
                    new SamplePair("colour", first.image(), processed, LabelMap.OXFORD_TRIMAP)));
    assertTrue(e.getMessage().startsWith(processed + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("colour pixels"), e.getMessage());
  }

  @Test
  void onePipelineTakesOneTargetKind() throws IOException {
    List<SamplePair> samples =
        new ArrayList<>(OxfordPetLayout.list(OxfordPetFixture.officialLayout(root), "test"));
    SamplePair s = samples.get(1);
    samples.set(1, new SamplePair(s.id(), s.image(), s.mask()));
    UserError e =
        assertThrows(
            UserError.class,
            () -> new InputPipeline(samples, PipelineOptions.of(SIZE, SIZE, 2)).close());
    assertTrue(e.getMessage().contains("target kind or label mapping differs"), e.getMessage());
  }

  private static void firstBatch(SamplePair sample) {
    try (InputPipeline p = new InputPipeline(List.of(sample), PipelineOptions.of(SIZE, SIZE, 1));
        BatchIterator it = p.epoch(0);
        Batch ignored = it.next()) {
      // decoding the batch is the point
    }
  }

  /**
   * trimap − 1 resized as {@code tf.image.resize(method="nearest")}: source index {@code
   * min(floor((i + 0.5) · in/out), in − 1)} in float32, TF's half-pixel nearest rule.
   */
  private static float[] expected(Path trimap) throws IOException {
    int[][] t = OxfordPetFixture.read(trimap);
    int h = t.length;
    int w = t[0].length;
    float sy = (float) h / SIZE;
    float sx = (float) w / SIZE;
    float[] out = new float[SIZE * SIZE];
    for (int y = 0; y < SIZE; y++) {
      int iy = Math.min((int) Math.floor((y + 0.5f) * sy), h - 1);
      for (int x = 0; x < SIZE; x++) {
        int ix = Math.min((int) Math.floor((x + 0.5f) * sx), w - 1);
        out[y * SIZE + x] = t[iy][ix] - 1;
      }
    }
    return out;
  }
}
