package org.tfseg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tfseg.graph.Tensors;

/**
 * The kinds of odd ".jpg" files in the official Oxford-IIIT Pet images (greyscale, 4-channel
 * CMYK-style, PNG content) decode to 3-channel RGB next to a trimap.
 */
class OddJpegTest {
  private static final int W = 12;
  private static final int H = 8;

  @TempDir Path dir;

  @Test
  void greyFourChannelAndPngContentDecodeToRgb() throws IOException {
    Path trimap = dir.resolve("t.png");
    BufferedImage t = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
    fill(t.getRaster(), 1);
    ImageIO.write(t, "png", trimap.toFile());

    Path grey = dir.resolve("grey.jpg");
    BufferedImage g = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
    fill(g.getRaster(), 200);
    ImageIO.write(g, "jpg", grey.toFile());

    Path png = dir.resolve("png.jpg");
    BufferedImage p = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    p.setRGB(0, 0, 0x112233);
    ImageIO.write(p, "png", png.toFile());

    Path cmyk = dir.resolve("cmyk.jpg");
    WritableRaster four =
        Raster.createInterleavedRaster(java.awt.image.DataBuffer.TYPE_BYTE, W, H, 4, null);
    fill(four, 0);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    try (ImageOutputStream out = ImageIO.createImageOutputStream(cmyk.toFile())) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(four, null, null), null);
    } finally {
      writer.dispose();
    }

    for (Path image : List.of(grey, png, cmyk)) {
      float[] rgb = firstImage(new SamplePair("x", image, trimap, LabelMap.OXFORD_TRIMAP));
      assertEquals(W * H * 3, rgb.length, image.toString());
      if (image.equals(grey)) {
        assertEquals(rgb[0], rgb[1], 1e-6);
        assertEquals(rgb[1], rgb[2], 1e-6);
      }
    }
  }

  private static void fill(WritableRaster r, int value) {
    for (int b = 0; b < r.getNumBands(); b++) {
      for (int y = 0; y < r.getHeight(); y++) {
        for (int x = 0; x < r.getWidth(); x++) {
          r.setSample(x, y, b, value);
        }
      }
    }
  }

  private static float[] firstImage(SamplePair sample) {
    try (InputPipeline p = new InputPipeline(List.of(sample), PipelineOptions.of(H, W, 1));
        BatchIterator it = p.epoch(0);
        Batch b = it.next()) {
      assertEquals(Shape.of(1, H, W, 3), b.images().shape());
      return Tensors.floats(b.images());
    }
  }
}
