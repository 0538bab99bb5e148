package org.tfseg.data;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.zip.CRC32;
import org.tfseg.UserError;

/**
 * What an image file's bytes say without decoding its pixels: the format (from the content, not the
 * extension), the size its header claims, and whether the file is complete — a PNG's chunks up to
 * {@code IEND} with valid CRCs on the critical ones, a JPEG's end-of-image marker after its first
 * scan, a BMP's pixel rows. Reading it costs a file read, so a whole dataset is checked in seconds
 * before training, and a header claiming a huge image (a decompression bomb) is refused before
 * TensorFlow allocates for it.
 *
 * <p>What the decoders then do with odd but valid files is a documented conversion: grey is
 * replicated to RGB, alpha is dropped, a palette is expanded to its colours, CMYK JPEGs are
 * converted, 16-bit PNGs keep their high byte ({@code v >> 8}), a 1×1 image is resized like any
 * other. Refused: 1-, 4- and 16-bit BMPs and compressed BMPs, and JPEGs of other than 8-bit
 * precision, which TensorFlow's decoders cannot read.
 *
 * @param format {@code png}, {@code jpeg}, {@code gif} or {@code bmp}
 * @param bitDepth bits per sample (PNG, JPEG) or per pixel (BMP); 8 for GIF
 */
public record ImageHeader(String format, int width, int height, int bitDepth) {
  private static final long MAPPED = 16 << 20;
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  public long pixels() {
    return (long) width * height;
  }

  /** {@code 640x480} (width x height). */
  public String size() {
    return width + "x" + height;
  }

  /**
   * Reads and checks {@code file}.
   *
   * @param limitName what sets {@code maxPixels}, for the message ({@code data.max_image_pixels})
   * @throws UserError "{@code <file>: <problem>}" if it is missing, empty, not a PNG/JPEG/GIF/BMP,
   *     truncated or corrupt where that shows without decoding, of a kind the decoders cannot read,
   *     or larger than {@code maxPixels}
   */
  public static ImageHeader read(Path file, long maxPixels, String limitName) {
    ByteBuffer b;
    try {
      b = contents(file);
    } catch (NoSuchFileException e) {
      throw new UserError(file + ": file not found");
    } catch (AccessDeniedException e) {
      throw new UserError(file + ": file not readable (permission denied)");
    } catch (IOException e) {
      throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
    }
    ImageHeader h;
    try {
      h = parse(b);
    } catch (Problem p) {
      throw new UserError(file + ": " + p.getMessage());
    }
    if (h.width() < 1 || h.height() < 1) {
      throw new UserError(file + ": its header claims a " + h.size() + " image");
    }
    if (h.pixels() > maxPixels) {
      throw new UserError(
          String.format(
              Locale.ROOT,
              "%s: its header claims %s = %,d pixels, above %s %,d (a decompression bomb, or far"
                  + " too large to train on)",
              file,
              h.size(),
              h.pixels(),
              limitName,
              maxPixels));
    }
    return h;
  }

  /** Small files are read; large ones mapped, so that a big file costs no heap. */
  private static ByteBuffer contents(Path file) throws IOException {
    long size = Files.size(file);
    if (size <= MAPPED) {
      return ByteBuffer.wrap(Files.readAllBytes(file));
    }
    if (size > Integer.MAX_VALUE) {
      throw new IOException(size + " bytes, too large for an image file");
    }
    try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
      return c.map(FileChannel.MapMode.READ_ONLY, 0, size);
    }
  }

  private static ImageHeader parse(ByteBuffer b) {
    if (b.limit() == 0) {
      throw new Problem("empty file (0 bytes), not an image");
    }
    if (startsWith(b, PNG)) {
      return png(b);
    }
    if (b.limit() >= 3
        && (b.get(0) & 0xff) == 0xff
        && (b.get(1) & 0xff) == 0xd8
        && (b.get(2) & 0xff) == 0xff) {
      return jpeg(b);
    }
    if (startsWith(b, "GIF87a".getBytes()) || startsWith(b, "GIF89a".getBytes())) {
      if (b.limit() < 14) {
        throw new Problem("truncated GIF (" + b.limit() + " bytes)");
      }
      return new ImageHeader("gif", u16le(b, 6), u16le(b, 8), 8);
    }
    if (b.limit() >= 2 && b.get(0) == 'B' && b.get(1) == 'M') {
      return bmp(b);
    }
    throw new Problem(
        "not an image: PNG, JPEG, GIF or BMP content expected, the file starts " + start(b));
  }

  private static ImageHeader png(ByteBuffer b) {
    int pos = PNG.length;
    ImageHeader header = null;
    boolean data = false;
    while (true) {
      if (pos + 12 > b.limit()) {
        throw new Problem("truncated PNG (" + b.limit() + " bytes, no IEND chunk)");
      }
      long length = u32be(b, pos);
      String type = text(b, pos + 4, 4);
      if (length > b.limit() - pos - 12L) {
        throw new Problem(
            "truncated PNG ("
                + b.limit()
                + " bytes; chunk "
                + type
                + " at byte "
                + pos
                + " runs past the end)");
      }
      int n = (int) length;
      if (header == null) {
        if (!type.equals("IHDR") || n < 13) {
          throw new Problem("corrupt PNG (no IHDR chunk first)");
        }
        header =
            new ImageHeader(
                "png",
                (int) Math.min(u32be(b, pos + 8), Integer.MAX_VALUE),
                (int) Math.min(u32be(b, pos + 12), Integer.MAX_VALUE),
                b.get(pos + 16) & 0xff);
      }
      if (Character.isUpperCase(type.charAt(0))) { // critical: libpng fails on a bad CRC
        CRC32 crc = new CRC32();
        crc.update(b.slice(pos + 4, 4 + n));
        if ((int) crc.getValue() != (int) u32be(b, pos + 8 + n)) {
          throw new Problem("corrupt PNG (chunk " + type + " at byte " + pos + " fails its CRC)");
        }
      }
      data |= type.equals("IDAT");
      pos += 12 + n;
      if (type.equals("IEND")) {
        break;
      }
    }
    if (!data) {
      throw new Problem("corrupt PNG (no image data)");
    }
    return header;
  }

  private static ImageHeader jpeg(ByteBuffer b) {
    int pos = 2;
    ImageHeader header = null;
    while (true) {
      while (pos < b.limit()
          && (b.get(pos) & 0xff) == 0xff
          && pos + 1 < b.limit()
          && (b.get(pos + 1) & 0xff) == 0xff) {
        pos++; // fill bytes
      }
      if (pos + 4 > b.limit()) {
        throw new Problem("truncated JPEG (" + b.limit() + " bytes, ends in its header)");
      }
      if ((b.get(pos) & 0xff) != 0xff) {
        throw new Problem("corrupt JPEG (no marker at byte " + pos + ")");
      }
      int marker = b.get(pos + 1) & 0xff;
      int length = u16be(b, pos + 2);
      if (marker == 0xd9 || length < 2) {
        throw new Problem("corrupt JPEG (no image scan)");
      }
      boolean sof =
          marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
      if (sof && header == null) {
        if (pos + 9 > b.limit()) {
          throw new Problem("truncated JPEG (" + b.limit() + " bytes, ends in its header)");
        }
        int precision = b.get(pos + 4) & 0xff;
        if (precision != 8) {
          throw new Problem(precision + "-bit JPEG; only 8-bit JPEGs can be decoded");
        }
        header = new ImageHeader("jpeg", u16be(b, pos + 7), u16be(b, pos + 5), precision);
      }
      if (marker == 0xda) { // start of scan: entropy-coded data follows, up to the EOI marker
        if (header == null) {
          throw new Problem("corrupt JPEG (a scan before the frame header)");
        }
        for (int i = b.limit() - 2; i > pos; i--) {
          if ((b.get(i) & 0xff) == 0xff && (b.get(i + 1) & 0xff) == 0xd9) {
            return header;
          }
        }
        throw new Problem("truncated JPEG (" + b.limit() + " bytes, no end-of-image marker)");
      }
      pos += 2 + length;
    }
  }

  private static ImageHeader bmp(ByteBuffer b) {
    if (b.limit() < 34) {
      throw new Problem("truncated BMP (" + b.limit() + " bytes)");
    }
    ByteBuffer le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
    long offset = le.getInt(10) & 0xffffffffL;
    int width = le.getInt(18);
    int height = Math.abs(le.getInt(22));
    int bpp = le.getShort(28) & 0xffff;
    int compression = le.getInt(30);
    if (bpp != 8 && bpp != 24 && bpp != 32) {
      throw new Problem(bpp + "-bit BMP; only 8-, 24- and 32-bit BMPs can be decoded");
    }
    if (compression != 0 && !(compression == 3 && bpp == 32)) {
      throw new Problem("compressed BMP (compression " + compression + "); save it uncompressed");
    }
    long rows = ((long) bpp * Math.max(width, 0) + 31) / 32 * 4 * height;
    if (b.limit() < offset + rows) {
      throw new Problem(
          "truncated BMP (" + b.limit() + " bytes; its header needs " + (offset + rows) + ")");
    }
    return new ImageHeader("bmp", width, height, bpp);
  }

  private static boolean startsWith(ByteBuffer b, byte[] prefix) {
    if (b.limit() < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (b.get(i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The first bytes, as text if they are printable ASCII, else in hex. */
  private static String start(ByteBuffer b) {
    int n = Math.min(b.limit(), 8);
    boolean text = true;
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < n; i++) {
      int c = b.get(i) & 0xff;
      text &= c >= 0x20 && c < 0x7f;
      hex.append(String.format(Locale.ROOT, "%s%02x", i == 0 ? "" : " ", c));
    }
    return text ? "with \"" + text(b, 0, n) + "\"" : "with bytes " + hex;
  }

  private static String text(ByteBuffer b, int at, int n) {
    byte[] out = new byte[n];
    b.get(at, out);
    return new String(out, java.nio.charset.StandardCharsets.ISO_8859_1);
  }

  private static int u16le(ByteBuffer b, int i) {
    return (b.get(i) & 0xff) | (b.get(i + 1) & 0xff) << 8;
  }

  private static int u16be(ByteBuffer b, int i) {
    return (b.get(i) & 0xff) << 8 | (b.get(i + 1) & 0xff);
  }

  private static long u32be(ByteBuffer b, int i) {
    return (long) (b.get(i) & 0xff) << 24
        | (b.get(i + 1) & 0xff) << 16
        | (b.get(i + 2) & 0xff) << 8
        | (b.get(i + 3) & 0xff);
  }

  /** A problem of the bytes; {@link #read} adds the file name. */
  private static final class Problem extends RuntimeException {
    Problem(String message) {
      super(message, null, false, false);
    }
  }
}
