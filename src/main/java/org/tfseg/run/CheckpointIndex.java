package org.tfseg.run;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;
import org.tensorflow.proto.BundleEntryProto;
import org.tensorflow.proto.BundleHeaderProto;
import org.tensorflow.proto.TensorShapeProto;

/**
 * The table of contents of a TF checkpoint ({@code PREFIX.index}): each saved tensor's name, dtype,
 * shape and where its bytes lie in the {@code PREFIX.data-*} shards, read without TensorFlow so
 * that a checkpoint can be checked before anything is restored.
 *
 * <p>The file is a LevelDB-format table as TF's tensor bundle writes it (uncompressed blocks, each
 * with a masked CRC-32C trailer, and a 48-byte footer ending in the table magic); the key {@code
 * ""} holds the {@code BundleHeaderProto}, every other key a tensor's {@code BundleEntryProto}.
 */
final class CheckpointIndex {
  private static final long TABLE_MAGIC = 0xdb4775248b80fb57L;
  private static final int FOOTER = 48;
  private static final int BLOCK_TRAILER = 5;

  /** One saved tensor. */
  record Entry(String dtype, long[] shape, int shard, long offset, long size, int crc32c) {
    String shapeText() {
      return Arrays.toString(shape).replace(" ", "");
    }
  }

  private final int shards;
  private final Map<String, Entry> entries;

  private CheckpointIndex(int shards, Map<String, Entry> entries) {
    this.shards = shards;
    this.entries = entries;
  }

  int shards() {
    return shards;
  }

  /** Tensors by name, in key order. */
  Map<String, Entry> entries() {
    return entries;
  }

  /**
   * @throws DamagedCheckpoint naming {@code PREFIX.index} when it is missing or not a complete
   *     checkpoint index
   */
  static CheckpointIndex read(String prefix) {
    Path file = Path.of(prefix + ".index");
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new DamagedCheckpoint(file + ": missing");
    } catch (IOException e) {
      throw new DamagedCheckpoint(file + ": cannot read (" + e.getMessage() + ")");
    }
    try {
      return parse(bytes);
    } catch (IndexOutOfBoundsException | IllegalArgumentException e) {
      throw new DamagedCheckpoint(
          file + ": not a complete checkpoint index (" + e.getMessage() + ")");
    }
  }

  private static CheckpointIndex parse(byte[] bytes) {
    if (bytes.length < FOOTER) {
      throw new IllegalArgumentException(bytes.length + " bytes, shorter than a table footer");
    }
    ByteBuffer footer = ByteBuffer.wrap(bytes, bytes.length - FOOTER, FOOTER);
    footer.order(ByteOrder.LITTLE_ENDIAN);
    if (footer.getLong(bytes.length - 8) != TABLE_MAGIC) {
      throw new IllegalArgumentException("no table magic at the end; truncated or not an index");
    }
    Reader f = new Reader(bytes, bytes.length - FOOTER, bytes.length - 8);
    f.varint(); // metaindex block offset
    f.varint(); // metaindex block size
    long indexOffset = f.varint();
    long indexSize = f.varint();
    Map<String, Entry> entries = new LinkedHashMap<>();
    Integer shards = null;
    for (byte[][] handle : block(bytes, indexOffset, indexSize)) {
      Reader h = new Reader(handle[1], 0, handle[1].length);
      long offset = h.varint();
      long size = h.varint();
      for (byte[][] kv : block(bytes, offset, size)) {
        String key = new String(kv[0], StandardCharsets.UTF_8);
        try {
          if (key.isEmpty()) {
            shards = BundleHeaderProto.parseFrom(kv[1]).getNumShards();
          } else {
            entries.put(key, entry(BundleEntryProto.parseFrom(kv[1])));
          }
        } catch (InvalidProtocolBufferException e) {
          throw new IllegalArgumentException("entry '" + key + "' unreadable: " + e.getMessage());
        }
      }
    }
    if (shards == null) {
      throw new IllegalArgumentException("no bundle header");
    }
    return new CheckpointIndex(shards, entries);
  }

  private static Entry entry(BundleEntryProto e) {
    TensorShapeProto shape = e.getShape();
    long[] dims = new long[shape.getDimCount()];
    for (int i = 0; i < dims.length; i++) {
      dims[i] = shape.getDim(i).getSize();
    }
    return new Entry(
        e.getDtype().name(), dims, e.getShardId(), e.getOffset(), e.getSize(), e.getCrc32C());
  }

  /** The key/value pairs of one block, after checking its CRC trailer. */
  private static java.util.List<byte[][]> block(byte[] file, long offset, long size) {
    if (offset < 0 || size < 4 || offset + size + BLOCK_TRAILER > file.length) {
      throw new IllegalArgumentException(
          "block at " + offset + " (" + size + " bytes) lies outside the file");
    }
    int start = (int) offset;
    int end = start + (int) size;
    if (file[end] != 0) {
      throw new IllegalArgumentException("compressed block (type " + file[end] + ")");
    }
    CRC32C crc = new CRC32C();
    crc.update(file, start, (int) size + 1);
    int stored = ByteBuffer.wrap(file, end + 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt(end + 1);
    if (unmask(stored) != (int) crc.getValue()) {
      throw new IllegalArgumentException("block at " + offset + " fails its checksum");
    }
    int restarts = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).getInt(end - 4);
    int dataEnd = end - 4 - 4 * restarts;
    if (restarts < 0 || dataEnd < start) {
      throw new IllegalArgumentException("block at " + offset + " has a bad restart array");
    }
    java.util.List<byte[][]> out = new java.util.ArrayList<>();
    Reader r = new Reader(file, start, dataEnd);
    byte[] key = new byte[0];
    while (r.position() < dataEnd) {
      int shared = (int) r.varint();
      int unshared = (int) r.varint();
      int valueLength = (int) r.varint();
      if (shared > key.length) {
        throw new IllegalArgumentException("bad key prefix in block at " + offset);
      }
      byte[] next = Arrays.copyOf(key, shared + unshared);
      System.arraycopy(r.bytes(unshared), 0, next, shared, unshared);
      key = next;
      out.add(new byte[][] {key, r.bytes(valueLength)});
    }
    return out;
  }

  /** LevelDB stores CRCs rotated and offset ("masked") so that CRCs of CRCs stay distinct. */
  static int unmask(int masked) {
    int rot = masked - 0xa282ead8;
    return (rot >>> 17) | (rot << 15);
  }

  private static final class Reader {
    private final byte[] bytes;
    private int pos;
    private final int end;

    Reader(byte[] bytes, int start, int end) {
      this.bytes = bytes;
      this.pos = start;
      this.end = end;
    }

    int position() {
      return pos;
    }

    long varint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) {
          throw new IllegalArgumentException("varint runs past its block");
        }
        int b = bytes[pos++] & 0xff;
        v |= (long) (b & 0x7f) << shift;
        if (b < 0x80) {
          return v;
        }
      }
      throw new IllegalArgumentException("varint longer than 10 bytes");
    }

    byte[] bytes(int n) {
      if (n < 0 || pos + n > end) {
        throw new IllegalArgumentException("entry runs past its block");
      }
      byte[] out = Arrays.copyOfRange(bytes, pos, pos + n);
      pos += n;
      return out;
    }
  }
}
