package org.tfseg.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32C;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tfseg.UserError;

/**
 * Checks a checkpoint before it is restored into a graph, so that a bad one is refused in one line
 * naming it and saying what is wrong, instead of a TensorFlow status message (or a half-restored
 * session): its index must be complete, every data shard present and as long as the index says,
 * every tensor's bytes must match their CRC-32C, and every variable of the graph must be in it with
 * the same dtype and shape.
 */
public final class CheckpointCheck {
  private static final int LISTED = 3;

  private CheckpointCheck() {}

  /** A graph variable as a checkpoint stores it. */
  public record Variable(String dtype, long[] shape) {}

  /** The variables of {@code graph} (what {@code Session.save/restore} covers), by name. */
  public static Map<String, Variable> variables(Graph graph) {
    Map<String, Variable> out = new LinkedHashMap<>();
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); ) {
      GraphOperation op = it.next();
      if (op.type().equals("VariableV2")) {
        out.put(
            op.name(),
            new Variable(
                op.output(0).dataType().name().replace("_REF", ""),
                op.output(0).shape().asArray()));
      }
    }
    return out;
  }

  /**
   * @throws DamagedCheckpoint if a file of the checkpoint is missing, truncated or corrupt
   * @throws UserError if it is intact but lacks a variable of {@code expected} or holds one with
   *     another dtype or shape (a checkpoint of another model)
   */
  public static void require(String prefix, Map<String, Variable> expected) {
    CheckpointIndex index = CheckpointIndex.read(prefix);
    requireData(prefix, index);
    List<String> missing = new ArrayList<>();
    List<String> reshaped = new ArrayList<>();
    for (Map.Entry<String, Variable> e : expected.entrySet()) {
      CheckpointIndex.Entry saved = index.entries().get(e.getKey());
      Variable want = e.getValue();
      if (saved == null) {
        missing.add(e.getKey());
      } else if (!saved.dtype().equals(want.dtype())
          || !Arrays.equals(saved.shape(), want.shape())) {
        reshaped.add(
            e.getKey()
                + " "
                + describe(saved.dtype(), saved.shape())
                + " in the checkpoint, "
                + describe(want.dtype(), want.shape())
                + " in the model");
      }
    }
    if (missing.isEmpty() && reshaped.isEmpty()) {
      return;
    }
    List<String> problems = new ArrayList<>();
    if (!missing.isEmpty()) {
      problems.add(
          missing.size()
              + " of the model's "
              + expected.size()
              + " variables missing ("
              + listed(missing)
              + ")");
    }
    if (!reshaped.isEmpty()) {
      problems.add(
          reshaped.size()
              + " of another "
              + (reshaped.size() == 1 ? "shape: " : "shape, e.g. ")
              + reshaped.get(0));
    }
    throw new UserError(
        prefix
            + ": a checkpoint of another model: "
            + String.join("; ", problems)
            + " (use the experiment the run was trained with, see its experiment.json)");
  }

  private static void requireData(String prefix, CheckpointIndex index) {
    for (int shard = 0; shard < index.shards(); shard++) {
      Path file =
          Path.of(
              String.format(Locale.ROOT, "%s.data-%05d-of-%05d", prefix, shard, index.shards()));
      try (FileChannel c = FileChannel.open(file, StandardOpenOption.READ)) {
        long length = c.size();
        for (Map.Entry<String, CheckpointIndex.Entry> e : index.entries().entrySet()) {
          CheckpointIndex.Entry t = e.getValue();
          if (t.shard() != shard) {
            continue;
          }
          if (t.offset() + t.size() > length) {
            throw new DamagedCheckpoint(
                file
                    + ": truncated ("
                    + length
                    + " bytes; the index places "
                    + e.getKey()
                    + " up to byte "
                    + (t.offset() + t.size())
                    + ")");
          }
          if (!t.dtype().equals("DT_STRING") && crc(c, t.offset(), t.size()) != t.crc32c()) {
            throw new DamagedCheckpoint(
                file + ": corrupt (the bytes of " + e.getKey() + " fail their checksum)");
          }
        }
      } catch (NoSuchFileException e) {
        throw new DamagedCheckpoint(file + ": missing");
      } catch (IOException e) {
        throw new DamagedCheckpoint(file + ": cannot read (" + e.getMessage() + ")");
      }
    }
  }

  /** The masked CRC-32C of {@code size} bytes at {@code offset}, as the bundle stores it. */
  private static int crc(FileChannel c, long offset, long size) throws IOException {
    CRC32C crc = new CRC32C();
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(size, 1 << 20));
    long done = 0;
    while (done < size) {
      buffer.clear().limit((int) Math.min(buffer.capacity(), size - done));
      int n = c.read(buffer, offset + done);
      if (n < 0) {
        throw new IOException("unexpected end of file");
      }
      buffer.flip();
      crc.update(buffer);
      done += n;
    }
    int value = (int) crc.getValue();
    return ((value >>> 15) | (value << 17)) + 0xa282ead8;
  }

  private static String describe(String dtype, long[] shape) {
    String type = dtype.startsWith("DT_") ? dtype.substring(3).toLowerCase(Locale.ROOT) : dtype;
    return type + Arrays.toString(shape).replace(" ", "");
  }

  private static String listed(List<String> items) {
    String shown = String.join(", ", items.subList(0, Math.min(LISTED, items.size())));
    return items.size() > LISTED ? shown + " and " + (items.size() - LISTED) + " more" : shown;
  }
}
