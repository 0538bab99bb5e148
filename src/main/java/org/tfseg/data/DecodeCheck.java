package org.tfseg.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TString;
import org.tfseg.UserError;

/**
 * Decodes single pairs with the pipeline's own decode ops, to name the file behind a tf.data error
 * (tf.data reports a decode error or a size mismatch without the file name).
 */
final class DecodeCheck implements AutoCloseable {
  private final Graph graph = new Graph();
  private final Session session;
  private final Operand<TString> path;
  private final Operand<TInt32> imageShape;
  private final Operand<TInt32> maskShape;

  /** {@code labels} as the pipeline's: null for grey masks. */
  DecodeCheck(LabelMap labels) {
    Ops tf = Ops.create(graph);
    path = tf.placeholder(TString.class);
    imageShape = tf.shape(SampleDecoding.image(tf, tf.io.readFile(path)));
    maskShape =
        tf.shape(
            labels == null
                ? SampleDecoding.mask(tf, tf.io.readFile(path))
                : SampleDecoding.labels(tf, tf.io.readFile(path), labels));
    session = new Session(graph);
  }

  /** A one-line problem "{@code <file>: <problem>}", or empty if the sample is fine. */
  Optional<String> problem(SamplePair sample) {
    try {
      int[] image = heightWidth(sample.image(), imageShape);
      int[] mask = heightWidth(sample.mask(), maskShape);
      if (image[0] != mask[0] || image[1] != mask[1]) {
        return Optional.of(
            sample.mask()
                + ": mask is "
                + mask[1]
                + "x"
                + mask[0]
                + " (WxH) but its image "
                + sample.image()
                + " is "
                + image[1]
                + "x"
                + image[0]);
      }
      return Optional.empty();
    } catch (UserError e) {
      return Optional.of(e.getMessage());
    }
  }

  private int[] heightWidth(Path file, Operand<TInt32> decodedShape) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new UserError(file + ": file not found or not readable");
    }
    try (TString p = TString.scalarOf(file.toString());
        Result result = session.runner().feed(path, p).fetch(decodedShape).run()) {
      TInt32 shape = (TInt32) result.get(0);
      return new int[] {shape.getInt(0), shape.getInt(1)};
    } catch (RuntimeException e) { // TF status errors do not share one superclass
      throw new UserError(file + ": cannot decode image: " + firstLine(e.getMessage()), e);
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
