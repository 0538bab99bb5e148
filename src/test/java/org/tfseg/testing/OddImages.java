package org.tfseg.testing;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Image files of the kinds real datasets hold, good and bad: odd but valid variants (16-bit,
 * palette, RGBA, CMYK, 1×1) and broken ones (truncated, zero-byte, corrupt, text named .jpg, a
 * header claiming a huge image, formats the decoders cannot read).
 */
public final class OddImages {
  private OddImages() {}

  /** A w×h RGB picture with a gradient, as PNG or JPEG ({@code format} "png" / "jpg"). */
  public static Path rgb(Path file, int w, int h, String format) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        img.setRGB(
            x, y, (x * 255 / Math.max(1, w - 1)) << 16 | (y * 255 / Math.max(1, h - 1)) << 8 | 90);
      }
    }
    write(img, format, file);
    return file;
  }

  /** A w×h grey PNG mask, a foreground square in the middle. */
  public static Path mask(Path file, int w, int h) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = h / 4; y < 3 * h / 4; y++) {
      for (int x = w / 4; x < 3 * w / 4; x++) {
        img.getRaster().setSample(x, y, 0, 255);
      }
    }
    write(img, "png", file);
    return file;
  }

  /** A 16-bit grey PNG holding {@code values} (row-major, w×h). */
  public static Path grey16(Path file, int w, int h, int[] values) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_USHORT_GRAY);
    img.getRaster().setSamples(0, 0, w, h, 0, values);
    write(img, "png", file);
    return file;
  }

  /** A 2-colour palette PNG: index 0 black, index 1 {@code rgb}; pixel (0,0) has index 1. */
  public static Path palette(Path file, int w, int h, int rgb) throws IOException {
    byte[] r = {0, (byte) (rgb >> 16)};
    byte[] g = {0, (byte) (rgb >> 8)};
    byte[] b = {0, (byte) rgb};
    BufferedImage img =
        new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY, new IndexColorModel(1, 2, r, g, b));
    img.getRaster().setSample(0, 0, 0, 1);
    write(img, "png", file);
    return file;
  }

  /** An RGBA PNG whose pixel (0,0) is {@code argb}. */
  public static Path rgba(Path file, int w, int h, int argb) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    img.setRGB(0, 0, argb);
    write(img, "png", file);
    return file;
  }

  /** A 4-channel (CMYK-style) JPEG. */
  public static Path cmykJpeg(Path file, int w, int h) throws IOException {
    WritableRaster four = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    Files.deleteIfExists(file);
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      writer.setOutput(out);
      writer.write(null, new IIOImage(four, null, null), null);
    } finally {
      writer.dispose();
    }
    return file;
  }

  /** The first {@code keep} bytes of {@code source}. */
  public static Path truncated(Path source, Path file, int keep) throws IOException {
    byte[] b = Files.readAllBytes(source);
    return Files.write(file, Arrays.copyOf(b, Math.min(keep, b.length)));
  }

  /** {@code source} with one bit flipped in its first IDAT chunk's data (the CRC then fails). */
  public static Path corruptIdat(Path source, Path file) throws IOException {
    byte[] b = Files.readAllBytes(source);
    int idat = indexOf(b, "IDAT".getBytes(StandardCharsets.US_ASCII));
    b[idat + 6] ^= 0x10;
    return Files.write(file, b);
  }

  /** A JPEG whose frame header claims 12-bit samples. */
  public static Path twelveBitJpeg(Path file) throws IOException {
    rgb(file, 8, 8, "jpg");
    byte[] b = Files.readAllBytes(file);
    int sof = indexOf(b, new byte[] {(byte) 0xff, (byte) 0xc0});
    b[sof + 4] = 12;
    return Files.write(file, b);
  }

  /** A 1-bit BMP (TensorFlow's BMP decoder reads 8, 24 and 32 bits only). */
  public static Path oneBitBmp(Path file, int w, int h) throws IOException {
    write(new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY), "bmp", file);
    return file;
  }

  /**
   * A small but valid PNG whose header claims a {@code w}×{@code h} RGB image (a decompression
   * bomb: decoding it would allocate w·h·3 bytes).
   */
  public static Path bomb(Path file, int w, int h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    chunk(
        out,
        "IHDR",
        ByteBuffer.allocate(13)
            .putInt(w)
            .putInt(h)
            .put((byte) 8)
            .put((byte) 2)
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0)
            .array());
    Deflater deflater = new Deflater(9);
    deflater.setInput(new byte[1 << 16]);
    deflater.finish();
    byte[] buf = new byte[1 << 16];
    int n = deflater.deflate(buf);
    chunk(out, "IDAT", Arrays.copyOf(buf, n));
    chunk(out, "IEND", new byte[0]);
    return Files.write(file, out.toByteArray());
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(t);
    out.writeBytes(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static int indexOf(byte[] b, byte[] what) {
    outer:
    for (int i = 0; i + what.length <= b.length; i++) {
      for (int j = 0; j < what.length; j++) {
        if (b[i + j] != what[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalArgumentException("pattern not found");
  }

  private static void write(BufferedImage img, String format, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.deleteIfExists(file);
    if (!ImageIO.write(img, format, file.toFile())) {
      throw new IOException("no ImageIO writer for " + format);
    }
  }
}
