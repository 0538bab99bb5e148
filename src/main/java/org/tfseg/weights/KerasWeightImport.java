package org.tfseg.weights;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tfseg.UserError;
import org.tfseg.graph.Tensors;
import org.tfseg.graph.VariableStore;

/**
 * Loads a Keras {@code .h5} weights file into the variables of a {@link VariableStore} below a
 * scope (an encoder), in a live Session: each value is fed to an assign op, so nothing of the file
 * ends up in the graph (a checkpoint or SavedModel stays as small as without the import).
 */
public final class KerasWeightImport {
  /** Scalars fed per session run: bounds the memory held at once. */
  private static final long VALUES_PER_RUN = 8L << 20;

  private KerasWeightImport() {}

  /**
   * {@link #plan(KerasWeightsFile, VariableStore, String, MatchMode)} with {@link MatchMode#AUTO}.
   */
  public static ImportPlan plan(KerasWeightsFile file, VariableStore store, String scope) {
    return plan(file, store, scope, MatchMode.AUTO);
  }

  /** Pairs file weights with the store's variables below {@code scope}, reading no values. */
  public static ImportPlan plan(
      KerasWeightsFile file, VariableStore store, String scope, MatchMode match) {
    return WeightMatcher.match(file.path(), file.layers(), store.all(), scope, match);
  }

  /** {@link #load(Session, VariableStore, String, Path, MatchMode)} with {@link MatchMode#AUTO}. */
  public static ImportReport load(Session session, VariableStore store, String scope, Path path) {
    return load(session, store, scope, path, MatchMode.AUTO);
  }

  /**
   * Imports {@code path} into the variables below {@code scope}, pairing layers as {@code match}
   * says. Run it after the model is built and before training; a Session whose variables are not
   * yet initialized initializes them first (its first run does), then takes the imported values.
   * Log {@link ImportReport#summary()}: it lists every layer paired by position.
   *
   * @throws UserError if the file is missing (naming the fetch script), unreadable, truncated or
   *     damaged, or if any variable would stay without a value (with {@link MatchMode#NAME}: any
   *     layer whose name the file lacks) or a shape differs
   */
  public static ImportReport load(
      Session session, VariableStore store, String scope, Path path, MatchMode match) {
    if (!Files.isRegularFile(path)) {
      throw new UserError(
          path
              + ": weights file not found; download it with tools/fetch_weights.sh"
              + " (see weights/README.md)");
    }
    try (KerasWeightsFile file = KerasWeightsFile.open(path)) {
      ImportPlan plan = plan(file, store, scope, match);
      plan.report().requireComplete();
      assign(session, file, plan.assignments());
      return plan.report();
    }
  }

  static void assign(Session session, KerasWeightsFile file, List<Assignment> assignments) {
    if (assignments.isEmpty()) {
      return;
    }
    Graph graph = (Graph) assignments.get(0).variable().variable().env();
    Ops tf = Ops.create(graph).withSubScope("keras_import");
    int from = 0;
    while (from < assignments.size()) {
      long values = 0;
      int to = from;
      while (to < assignments.size()
          && (to == from || values + assignments.get(to).variable().size() <= VALUES_PER_RUN)) {
        values += assignments.get(to++).variable().size();
      }
      run(session, tf, file, assignments.subList(from, to));
      from = to;
    }
  }

  private static void run(Session session, Ops tf, KerasWeightsFile file, List<Assignment> batch) {
    List<Tensor> feeds = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (Assignment a : batch) {
        Shape shape = a.variable().shape();
        Operand<TFloat32> value = tf.placeholder(TFloat32.class, Placeholder.shape(shape));
        TFloat32 t = Tensors.of(shape, file.read(a.source()));
        feeds.add(t);
        runner.feed(value, t).addTarget(tf.assign(a.variable().variable(), value));
      }
      runner.run().close();
    } finally {
      feeds.forEach(Tensor::close);
    }
  }
}
