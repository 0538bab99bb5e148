package org.tfseg.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TString;

/**
 * Decodes single files with the pipeline's own decode ops, to name the file behind a decode error
 * (tf.data reports the error without the file name).
 */
final class DecodeCheck implements AutoCloseable {
  private final Graph graph = new Graph();
  private final Session session;
  private final Operand<TString> path;
  private final Operand<?> imageShape;
  private final Operand<?> maskShape;

  DecodeCheck() {
    Ops tf = Ops.create(graph);
    path = tf.placeholder(TString.class);
    imageShape = tf.shape(SampleDecoding.image(tf, tf.io.readFile(path)));
    maskShape = tf.shape(SampleDecoding.mask(tf, tf.io.readFile(path)));
    session = new Session(graph);
  }

  /** A one-line problem "{@code <file>: <problem>}", or empty if the sample decodes. */
  Optional<String> problem(SamplePair sample) {
    return problem(sample.image(), imageShape).or(() -> problem(sample.mask(), maskShape));
  }

  private Optional<String> problem(Path file, Operand<?> decodedShape) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      return Optional.of(file + ": file not found or not readable");
    }
    try (TString p = TString.scalarOf(file.toString());
        Result ignored = session.runner().feed(path, p).fetch(decodedShape).run()) {
      return Optional.empty();
    } catch (RuntimeException e) { // TF status errors do not share one superclass
      return Optional.of(file + ": cannot decode image: " + firstLine(e.getMessage()));
    }
  }

  static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).strip();
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
