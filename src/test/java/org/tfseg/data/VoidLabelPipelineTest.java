package org.tfseg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.UserError;
import org.tfseg.graph.Tensors;

/**
 * A 255 void border (VOC, Cityscapes) fails a label map without an ignore label, and with one comes
 * out as {@link LabelMap#VOID}; an ignore label on grey masks is an error.
 */
class VoidLabelPipelineTest {
  private static final int S = 16;

  @TempDir Path dir;

  /** Classes 0/1 in halves with a 255 frame. */
  private SamplePair sample(LabelMap labels) throws IOException {
    BufferedImage rgb = new BufferedImage(S, S, BufferedImage.TYPE_3BYTE_BGR);
    BufferedImage mask = new BufferedImage(S, S, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < S; y++) {
      for (int x = 0; x < S; x++) {
        boolean frame = y == 0 || x == 0 || y == S - 1 || x == S - 1;
        mask.getRaster().setSample(x, y, 0, frame ? 255 : x < S / 2 ? 0 : 1);
      }
    }
    Path image = dir.resolve("a.png");
    Path target = dir.resolve("a_mask.png");
    ImageIO.write(rgb, "png", image.toFile());
    ImageIO.write(mask, "png", target.toFile());
    return new SamplePair("a", image, target, labels);
  }

  private static float[] masks(SamplePair s, PipelineOptions o) {
    try (InputPipeline p = new InputPipeline(List.of(s), o);
        BatchIterator it = p.epoch(0);
        Batch b = it.next()) {
      return Tensors.floats(b.masks());
    }
  }

  @Test
  void theIgnoreLabelBecomesVoid() throws IOException {
    LabelMap binary = LabelMap.of(Map.of(0, 0, 1, 1));
    PipelineOptions plain = new PipelineOptions(S, S, 1, false, 0, 1, 0, false);
    UserError e = assertThrows(UserError.class, () -> masks(sample(binary), plain));
    assertTrue(e.getMessage().contains("label value outside the mapping"), e.getMessage());
    float[] m = masks(sample(binary), plain.withIgnoreLabel(255));
    int voids = 0;
    for (int i = 0; i < m.length; i++) {
      int y = i / S;
      int x = i % S;
      boolean frame = y == 0 || x == 0 || y == S - 1 || x == S - 1;
      assertEquals(frame ? LabelMap.VOID : x < S / 2 ? 0 : 1, m[i], 0, "pixel " + i);
      voids += frame ? 1 : 0;
    }
    assertEquals(4 * S - 4, voids);
    // a mapped value may be declared void too (e.g. a trimap's border)
    LabelMap three = LabelMap.of(Map.of(0, 0, 1, 1, 255, 2));
    float[] noOnes = masks(sample(three), plain.withIgnoreLabel(1));
    for (float v : noOnes) {
      assertTrue(v != 1f);
    }
  }

  @Test
  void anIgnoreLabelNeedsClassLabels() throws IOException {
    UserError e =
        assertThrows(
            UserError.class,
            () ->
                masks(
                    sample(null),
                    new PipelineOptions(S, S, 1, false, 0, 1, 0, false).withIgnoreLabel(255)));
    assertTrue(e.getMessage().contains("grey mask targets"), e.getMessage());
  }
}
