package org.tfseg.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.tensorflow.Graph;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Layers;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.SummaryRow;
import org.tfseg.graph.VariableStore;

/**
 * Keras {@code model.summary()}: one row per layer (name, type, output shape, weights) and the
 * totals, digits grouped with commas. Built from a graph-only model construction (no session).
 */
public record ModelSummary(
    String name, List<SummaryRow> rows, long total, long trainable, long nonTrainable) {

  /** Builds the model's training tower at {@code [None, h, w, c]} and records its layers. */
  public static ModelSummary of(
      SegmentationModel model, int height, int width, int channels, long seed) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, seed);
      List<SummaryRow> rows = new ArrayList<>();
      model.build(
          new Layers(tf, store, true, null, rows),
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, height, width, channels))));
      return of(model.architecture(), rows, store);
    }
  }

  /** The summary of a model already built into {@code store}, with the rows its build recorded. */
  public static ModelSummary of(String name, List<SummaryRow> rows, VariableStore store) {
    long trainable = store.trainable().stream().mapToLong(ModelVariable::size).sum();
    long total = store.parameterCount();
    return new ModelSummary(name, List.copyOf(rows), total, trainable, total - trainable);
  }

  public String format() {
    int nameW =
        Math.max(
            28,
            rows.stream().mapToInt(r -> r.name().length() + r.type().length() + 3).max().orElse(0)
                + 2);
    int shapeW = 26;
    int paramW = 14;
    int width = nameW + shapeW + paramW;
    StringBuilder b = new StringBuilder();
    b.append("Model: \"").append(name).append("\"\n");
    b.append("_".repeat(width)).append('\n');
    b.append(pad("Layer (type)", nameW)).append(pad("Output Shape", shapeW)).append("Param #\n");
    b.append("=".repeat(width)).append('\n');
    for (int i = 0; i < rows.size(); i++) {
      SummaryRow r = rows.get(i);
      b.append(pad(r.name() + " (" + r.type() + ")", nameW))
          .append(pad(shape(r.outputShape()), shapeW))
          .append(group(r.params()))
          .append('\n');
      if (i < rows.size() - 1) {
        b.append('\n');
      }
    }
    b.append("=".repeat(width)).append('\n');
    b.append("Total params: ").append(group(total)).append('\n');
    b.append("Trainable params: ").append(group(trainable)).append('\n');
    b.append("Non-trainable params: ").append(group(nonTrainable)).append('\n');
    b.append("_".repeat(width)).append('\n');
    return b.toString();
  }

  /** {@code (None, 256, 256, 64)} as Keras prints shapes. */
  static String shape(Shape s) {
    List<String> dims = new ArrayList<>();
    for (long d : s.asArray()) {
      dims.add(d < 0 ? "None" : Long.toString(d));
    }
    return "(" + String.join(", ", dims) + ")";
  }

  public static String group(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String pad(String s, int w) {
    return s.length() >= w ? s + " " : s + " ".repeat(w - s.length());
  }
}
