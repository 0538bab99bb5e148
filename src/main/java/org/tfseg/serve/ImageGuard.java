package org.tfseg.serve;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Checks an encoded image before TensorFlow decodes it: one of the formats {@code decode_image}
 * takes (by its magic bytes), a readable header, and at most {@code maxPixels} pixels by the
 * header's width and height, so a small file that would decode to gigabytes (a decompression bomb)
 * is refused without being decoded. Only the header is read (ImageIO's readers stop there).
 */
final class ImageGuard {
  private ImageGuard() {}

  static void check(byte[] bytes, long maxPixels) {
    if (bytes.length == 0) {
      throw ClientError.badRequest("empty image");
    }
    if (format(bytes) == null) {
      throw ClientError.badRequest("not a JPEG, PNG, GIF or BMP image");
    }
    long w;
    long h;
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw ClientError.badRequest("unreadable " + format(bytes) + " header");
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(in, true, true);
        w = reader.getWidth(0);
        h = reader.getHeight(0);
      } finally {
        reader.dispose();
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof ClientError c) {
        throw c;
      }
      throw ClientError.badRequest(
          "corrupt " + format(bytes) + " image (" + ServedModel.firstLine(e.getMessage()) + ")");
    }
    if (w < 1 || h < 1) {
      throw ClientError.badRequest("image of " + w + "x" + h + " pixels");
    }
    if (w * h > maxPixels) {
      throw ClientError.tooLarge(
          "image of " + w + "x" + h + " = " + w * h + " pixels is over the limit of " + maxPixels);
    }
  }

  /** JPEG, PNG, GIF or BMP by magic bytes, else null. */
  static String format(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return "JPEG";
    }
    if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "PNG";
    }
    if (b.length >= 4 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
      return "GIF";
    }
    if (b.length >= 2 && b[0] == 'B' && b[1] == 'M') {
      return "BMP";
    }
    return null;
  }
}
