package org.tfseg.summary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.Summary;
import org.tensorflow.proto.TensorProto;

/**
 * The events of a TensorBoard log folder, parsed from its {@code events.out.tfevents.*} files
 * (oldest name first, as TensorBoard orders them) with {@link TfRecords}.
 */
public final class EventFiles {
  private EventFiles() {}

  /** One summary value with the step and file it came from. */
  public record Value(long step, Summary.Value value, Path file) {
    public String tag() {
      return value.getTag();
    }

    /**
     * The scalar: {@code simple_value} (what {@code WriteScalarSummary} writes), or a scalar tensor
     * of the {@code scalars} plugin (what TF 2's {@code tf.summary.scalar} writes).
     */
    public float scalar() {
      if (value.getValueCase() == Summary.Value.ValueCase.SIMPLE_VALUE) {
        return value.getSimpleValue();
      }
      if (value.getValueCase() == Summary.Value.ValueCase.TENSOR
          && value.getMetadata().getPluginData().getPluginName().equals("scalars")) {
        return tensorScalar(value.getTensor());
      }
      throw new AssertionError(tag() + " at step " + step + " is no scalar: " + value);
    }
  }

  /** The event files of {@code logdir}, sorted by name. */
  public static List<Path> files(Path logdir) {
    try (Stream<Path> s = Files.list(logdir)) {
      return s.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents."))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every event of every file of {@code logdir}, file by file. */
  public static List<Event> events(Path logdir) throws IOException {
    List<Event> events = new ArrayList<>();
    for (Path f : files(logdir)) {
      events.addAll(events(f, true));
    }
    return events;
  }

  /** The events of one file; {@code file} must be an event file (first event: file_version). */
  public static List<Event> events(Path file, boolean checkVersion) throws IOException {
    List<Event> events = new ArrayList<>();
    for (byte[] record : TfRecords.read(file)) {
      events.add(Event.parseFrom(record));
    }
    if (checkVersion
        && (events.isEmpty() || !events.get(0).getFileVersion().startsWith("brain.Event:"))) {
      throw new IOException(file + ": does not start with a file_version event");
    }
    return events;
  }

  /** The summary values of {@code logdir} with the given tag, in file and write order. */
  public static List<Value> values(Path logdir, String tag) throws IOException {
    List<Value> values = new ArrayList<>();
    for (Path f : files(logdir)) {
      for (Event e : events(f, true)) {
        for (Summary.Value v : e.getSummary().getValueList()) {
          if (v.getTag().equals(tag)) {
            values.add(new Value(e.getStep(), v, f));
          }
        }
      }
    }
    return values;
  }

  /** Every summary tag of {@code logdir}. */
  public static List<String> tags(Path logdir) throws IOException {
    return events(logdir).stream()
        .flatMap(e -> e.getSummary().getValueList().stream())
        .map(Summary.Value::getTag)
        .distinct()
        .toList();
  }

  private static float tensorScalar(TensorProto t) {
    if (t.getDtype() == DataType.DT_FLOAT) {
      return t.getFloatValCount() > 0
          ? t.getFloatVal(0)
          : t.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN).getFloat();
    }
    if (t.getDtype() == DataType.DT_DOUBLE) {
      ByteBuffer b = t.getTensorContent().asReadOnlyByteBuffer().order(ByteOrder.LITTLE_ENDIAN);
      return (float) (t.getDoubleValCount() > 0 ? t.getDoubleVal(0) : b.getDouble());
    }
    throw new AssertionError("scalar tensor of type " + t.getDtype());
  }
}
