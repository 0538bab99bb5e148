package org.tfseg.summary;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Reads TFRecord files (TF's {@code lib/io/record_writer.cc}): each record is a little-endian
 * {@code uint64} length, the masked CRC32C of those 8 bytes, the data, and the masked CRC32C of the
 * data. Both CRCs are verified; a mismatch or a truncated record throws, naming file and offset.
 */
public final class TfRecords {
  private TfRecords() {}

  /** TF's {@code crc32c::Mask}: rotate right by 15 bits, add a constant. */
  public static int maskedCrc32c(byte[] data, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(data, offset, length);
    int c = (int) crc.getValue();
    return ((c >>> 15) | (c << 17)) + 0xa282ead8;
  }

  /** The records' data, in file order. */
  public static List<byte[]> read(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    List<byte[]> records = new ArrayList<>();
    while (in.hasRemaining()) {
      int at = in.position();
      require(in.remaining() >= 12, file, at, "truncated length header");
      long length = in.getLong();
      require(in.getInt() == maskedCrc32c(bytes, at, 8), file, at, "length CRC mismatch");
      require(
          length >= 0 && length <= in.remaining() - 4L,
          file,
          at,
          "record of " + length + " bytes runs past the end");
      int start = in.position();
      byte[] data = new byte[(int) length];
      in.get(data);
      require(
          in.getInt() == maskedCrc32c(bytes, start, data.length), file, at, "data CRC mismatch");
      records.add(data);
    }
    return records;
  }

  private static void require(boolean ok, Path file, int offset, String problem)
      throws IOException {
    if (!ok) {
      throw new IOException(file + ": " + problem + " in the record at byte " + offset);
    }
  }
}
