package org.tfseg.summary;

import java.nio.file.Path;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.summary.SummaryWriter;
import org.tensorflow.op.summary.WriteImageSummary;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.TString;
import org.tensorflow.types.TUint8;

/**
 * One TensorBoard log folder: a TF {@code SummaryWriter} resource made by {@code
 * CreateSummaryFileWriter}, which starts a new {@code events.out.tfevents.*} file there, and the
 * write ops fed through placeholders. TF frames each {@code Event} as a TFRecord, queues up to
 * {@value #MAX_QUEUE} events and writes them out when the queue is full, every {@value
 * #FLUSH_MILLIS} ms and at {@link #flush}/{@link #close} (TF 2's {@code create_file_writer}
 * defaults). Made by {@link SummaryGraph}, whose session runs it.
 */
public final class EventFileWriter {
  static final int MAX_QUEUE = 10;
  static final int FLUSH_MILLIS = 120_000;

  /** Written where a float pixel is not finite (unused: images are uint8); opaque red. */
  private static final byte[] BAD_COLOR = {(byte) 255, 0, 0, (byte) 255};

  private final Session session;
  private final Path logdir;
  private final Placeholder<TInt64> step;
  private final Placeholder<TString> tag;
  private final Placeholder<TFloat32> scalar;
  private final Placeholder<TUint8> image;
  private final Placeholder<TString> graphDef;
  private final Op writeScalar;
  private final Op writeImage;
  private final Op writeGraph;
  private final Op flushOp;
  private final Op closeOp;
  private boolean closed;

  /**
   * Adds the writer's ops under {@code tf}'s scope and creates its event file in {@code logdir}.
   */
  EventFileWriter(Ops tf, Session session, Path logdir, String sharedName) {
    this.session = session;
    this.logdir = logdir;
    SummaryWriter writer = tf.summary.summaryWriter(SummaryWriter.sharedName(sharedName));
    step = tf.withName("step").placeholder(TInt64.class, Placeholder.shape(Shape.scalar()));
    tag = tf.withName("tag").placeholder(TString.class, Placeholder.shape(Shape.scalar()));
    scalar = tf.withName("scalar").placeholder(TFloat32.class, Placeholder.shape(Shape.scalar()));
    image =
        tf.withName("image")
            .placeholder(
                TUint8.class,
                Placeholder.shape(Shape.of(1, Shape.UNKNOWN_SIZE, Shape.UNKNOWN_SIZE, 3)));
    graphDef =
        tf.withName("graph_def").placeholder(TString.class, Placeholder.shape(Shape.scalar()));
    writeScalar = tf.summary.writeScalarSummary(writer, step, tag, scalar);
    writeImage =
        tf.summary.writeImageSummary(
            writer, step, tag, image, tf.constant(BAD_COLOR), WriteImageSummary.maxImages(1L));
    writeGraph = tf.summary.writeGraphSummary(writer, step, graphDef);
    flushOp = tf.summary.flushSummaryWriter(writer);
    closeOp = tf.summary.closeSummaryWriter(writer);
    session.run(
        tf.summary.createSummaryFileWriter(
            writer,
            tf.constant(logdir.toString()),
            tf.constant(MAX_QUEUE),
            tf.constant(FLUSH_MILLIS),
            tf.constant("")));
  }

  public Path logdir() {
    return logdir;
  }

  /** A float32 scalar ({@code Summary.Value.simple_value}). */
  public void scalar(String name, long atStep, double value) {
    try (TInt64 s = TInt64.scalarOf(atStep);
        TString t = TString.scalarOf(name);
        TFloat32 v = TFloat32.scalarOf((float) value);
        Result r =
            session
                .runner()
                .feed(step, s)
                .feed(tag, t)
                .feed(scalar, v)
                .addTarget(writeScalar)
                .run()) {
      // written by the run
    }
  }

  /**
   * An 8-bit RGB image, PNG-encoded by TF, as {@code Summary.Value.image} under the tag {@code name
   * + "/image"} (TF's image summaries append {@code /image}).
   *
   * @param rgb {@code height × width × 3} bytes, row-major
   */
  public void image(String name, long atStep, byte[] rgb, int height, int width) {
    try (TInt64 s = TInt64.scalarOf(atStep);
        TString t = TString.scalarOf(name);
        TUint8 pixels =
            TUint8.tensorOf(Shape.of(1, height, width, 3), DataBuffers.of(rgb, true, false));
        Result r =
            session
                .runner()
                .feed(step, s)
                .feed(tag, t)
                .feed(image, pixels)
                .addTarget(writeImage)
                .run()) {
      // written by the run
    }
  }

  /** A serialized {@code GraphDef}, as {@code Event.graph_def} (TensorBoard's Graphs tab). */
  public void graph(long atStep, byte[] serializedGraphDef) {
    try (TInt64 s = TInt64.scalarOf(atStep);
        TString g = TString.tensorOfBytes(NdArrays.scalarOfObject(serializedGraphDef));
        Result r = session.runner().feed(step, s).feed(graphDef, g).addTarget(writeGraph).run()) {
      // written by the run
    }
  }

  /** Writes the queued events to the file. */
  public void flush() {
    session.run(flushOp);
  }

  /** Flushes and releases the writer resource; later calls do nothing. */
  void close() {
    if (!closed) {
      closed = true;
      session.run(closeOp);
    }
  }
}
