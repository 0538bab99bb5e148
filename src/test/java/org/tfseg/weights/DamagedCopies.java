package org.tfseg.weights;

import io.jhdf.checksum.ChecksumUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Cut or damaged copies of the weight fixtures, written into a test's temporary folder. */
final class DamagedCopies {
  private DamagedCopies() {}

  static byte[] bytes(String fixture) {
    try {
      return Files.readAllBytes(WeightFixtures.path(fixture));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first {@code length} bytes of the fixture. */
  static Path cut(Path dir, String fixture, int length) {
    return write(dir, "cut" + length + "_" + fixture, Arrays.copyOf(bytes(fixture), length));
  }

  /**
   * The first {@code length} bytes, the superblock's end-of-file address rewritten to {@code
   * length} (and its checksum, from version 2): a cut that the superblock does not show.
   */
  static Path cutWithMatchingEnd(Path dir, String fixture, int length) {
    byte[] b = Arrays.copyOf(bytes(fixture), length);
    ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    int version = b[8];
    if (version <= 1) {
      buf.putLong((version == 0 ? 24 : 28) + 16, length); // base, free space, then end of file
    } else {
      buf.putLong(12 + 16, length);
      buf.putInt(12 + 32, ChecksumUtils.checksum(Arrays.copyOf(b, 12 + 32)));
    }
    return write(dir, "cuteof" + length + "_" + fixture, b);
  }

  /** The fixture with byte {@code at} set to {@code value}. */
  static Path withByte(Path dir, String fixture, int at, int value) {
    byte[] b = bytes(fixture);
    b[at] = (byte) value;
    return write(dir, "byte" + at + "_" + fixture, b);
  }

  /** Where the only 8-byte little-endian {@code value} lies in {@code [from, to)}. */
  static int findAddress(byte[] b, long value, int from, int to) {
    byte[] pattern = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    int found = -1;
    for (int i = from; i + 8 <= Math.min(to, b.length); i++) {
      if (Arrays.equals(b, i, i + 8, pattern, 0, 8)) {
        if (found >= 0) {
          throw new IllegalStateException(
              "address " + value + " occurs twice in [" + from + ", " + to + ")");
        }
        found = i;
      }
    }
    if (found < 0) {
      throw new IllegalStateException("address " + value + " not in [" + from + ", " + to + ")");
    }
    return found;
  }

  private static Path write(Path dir, String name, byte[] b) {
    try {
      return Files.write(dir.resolve(name), b);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
