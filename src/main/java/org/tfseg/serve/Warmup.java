package org.tfseg.serve;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.tfseg.export.ServingSignatures;

/**
 * Runs each image signature once on a small generated image before a version takes requests, so the
 * first request does not pay for kernel setup (TF Serving's warm-up records, built in).
 */
final class Warmup {
  private Warmup() {}

  static void run(ServedModel m) {
    byte[] png = png();
    if (m.signatures.containsKey(ServingSignatures.IMAGE_BYTES)) {
      m.segment(png);
    }
    if (m.signatures.containsKey(ServingSignatures.IMAGE_BYTES_BATCH)) {
      m.segmentBatch(List.of(png, png));
    }
  }

  private static byte[] png() {
    BufferedImage img = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(img, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
