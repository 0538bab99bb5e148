package org.tfseg.weights;

import io.jhdf.checksum.ChecksumUtils;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.tfseg.UserError;

/**
 * The fields of an HDF5 superblock (format spec, versions 0 to 3) that say where the file's data
 * ends, read from the file's own bytes so that a cut or damaged superblock is told as such (jHDF
 * would fail with its own wording, or read on).
 *
 * @param offset where the superblock starts: 0, or 512, 1024, … after a user block
 * @param version 0 to 3
 * @param baseAddress absolute position the file's addresses count from
 * @param endOfFile absolute position of the first byte past the file's data (libhdf5 refuses a file
 *     shorter than that: "truncated file")
 */
record Hdf5Superblock(long offset, int version, long baseAddress, long endOfFile) {
  private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

  /** Longer than any superblock with 8-byte addresses (v0/v1: up to 100 bytes, v2/v3: 48). */
  private static final int MAX_SIZE = 128;

  /**
   * @throws UserError if the file is not HDF5
   * @throws DamagedFileError if its superblock is cut, fails its checksum, or has no end address
   */
  static Hdf5Superblock read(Path path) {
    try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size == 0) {
        throw new DamagedFileError(path, "the file is empty");
      }
      for (long at = 0; at < size; at = at == 0 ? 512 : 2 * at) {
        ByteBuffer b = read(ch, at, (int) Math.min(MAX_SIZE, size - at));
        byte[] head = new byte[Math.min(SIGNATURE.length, b.remaining())];
        b.get(0, head);
        if (Arrays.equals(head, SIGNATURE)) {
          return parse(path, b, at, size);
        }
        if (at == 0
            && size < SIGNATURE.length
            && Arrays.equals(head, Arrays.copyOf(SIGNATURE, head.length))) {
          throw cut(path, size);
        }
      }
      throw new UserError(path + ": not an HDF5 file (no HDF5 signature)");
    } catch (IOException e) {
      throw new UserError(path + ": cannot be read (" + e.getMessage() + ")", e);
    }
  }

  private static Hdf5Superblock parse(Path path, ByteBuffer b, long at, long size) {
    if (b.limit() <= 14) {
      throw cut(path, size);
    }
    int version = b.get(8) & 0xff;
    if (version > 3) {
      throw new DamagedFileError(path, "unknown HDF5 superblock version " + version);
    }
    boolean v01 = version <= 1;
    int offsets = b.get(v01 ? 13 : 9) & 0xff;
    if (offsets != 2 && offsets != 4 && offsets != 8) {
      throw new DamagedFileError(path, "its HDF5 superblock gives " + offsets + "-byte addresses");
    }
    int fields = v01 ? (version == 0 ? 24 : 28) : 12;
    // v0/v1 end with the root group's symbol table entry (2 addresses + 24 bytes), v2/v3 with a
    // checksum
    int length = fields + 4 * offsets + (v01 ? 2 * offsets + 24 : 4);
    if (b.limit() < length) {
      throw cut(path, size);
    }
    if (!v01) {
      byte[] covered = new byte[fields + 4 * offsets];
      b.get(0, covered);
      if (ChecksumUtils.checksum(covered) != b.getInt(covered.length)) {
        throw new DamagedFileError(path, "its HDF5 superblock fails its checksum");
      }
    }
    long base = address(b, fields, offsets);
    long eof = address(b, fields + 2 * offsets, offsets);
    if (base < 0 || eof < 0) {
      throw new DamagedFileError(
          path,
          "its HDF5 superblock has no valid " + (base < 0 ? "base" : "end-of-file") + " address");
    }
    return new Hdf5Superblock(at, version, base, eof);
  }

  /** A little-endian address of {@code n} bytes; negative if undefined (all ones) or past 2^63. */
  private static long address(ByteBuffer b, int at, int n) {
    long v = 0;
    for (int i = n - 1; i >= 0; i--) {
      v = (v << 8) | (b.get(at + i) & 0xff);
    }
    return n < 8 && v == (1L << (8 * n)) - 1 ? -1 : v;
  }

  private static DamagedFileError cut(Path path, long size) {
    return new DamagedFileError(path, "it ends at byte " + size + ", inside its HDF5 superblock");
  }

  private static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      if (ch.read(b, at + b.position()) < 0) {
        break;
      }
    }
    return b.flip();
  }
}
