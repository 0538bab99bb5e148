package org.tfseg.summary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.op.Ops;
import org.tfseg.UserError;

/**
 * A small graph and session of TF summary ops, apart from the training graph, holding one {@link
 * EventFileWriter} per log folder. Each writer starts a new event file: TF names it {@code
 * events.out.tfevents.<seconds>.<host>.<pid>.<counter>}, so a writer opened in the same second as
 * an earlier one (a resumed run in the same folder) never reuses, and so truncates, its file.
 */
public final class SummaryGraph implements AutoCloseable {
  /** Numbers the writer resources, so no two in the process share a name (and a file). */
  private static final AtomicInteger WRITERS = new AtomicInteger();

  private final Graph graph = new Graph();
  private final Ops tf = Ops.create(graph);
  private final Session session = new Session(graph);
  private final List<EventFileWriter> writers = new ArrayList<>();

  /**
   * A writer for {@code logdir} (created if missing); its ops live under the name scope {@code
   * name}.
   *
   * @throws UserError if TF cannot create the folder or the event file
   */
  public EventFileWriter writer(String name, Path logdir) {
    try {
      EventFileWriter w =
          new EventFileWriter(
              tf.withSubScope(name), session, logdir, name + "_" + WRITERS.incrementAndGet());
      writers.add(w);
      return w;
    } catch (TensorFlowException e) {
      String problem = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
      throw new UserError(logdir + ": cannot write TensorBoard events: " + problem, e);
    }
  }

  /** Closes every writer (flushing its file), then the session and graph. */
  @Override
  public void close() {
    try {
      writers.forEach(EventFileWriter::close);
    } finally {
      session.close();
      graph.close();
    }
  }
}
