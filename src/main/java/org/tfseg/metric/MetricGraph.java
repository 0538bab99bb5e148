package org.tfseg.metric;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tfseg.graph.Tensors;

/**
 * Streaming-metric statistics for predictions that come from outside a training graph (a restored
 * checkpoint or a SavedModel): the same in-graph definitions, fed probabilities and targets.
 */
public final class MetricGraph implements AutoCloseable {
  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TFloat32> probabilities;
  private final Placeholder<TFloat32> targets;
  private final List<List<Operand<TFloat64>>> statistics = new ArrayList<>();

  public MetricGraph(List<StreamingMetric> metrics, int height, int width, int classes) {
    Ops tf = Ops.create(graph);
    probabilities =
        tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, height, width, classes)));
    targets = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, height, width, 1)));
    for (StreamingMetric m : metrics) {
      statistics.add(m.statistics(tf, probabilities, targets));
    }
    session = new Session(graph);
  }

  /**
   * Each metric's additive statistics for one batch: {@code probs} as a predictor returns them
   * ({@code [N, H, W, C]} flattened), {@code batchTargets} from the data.
   */
  public double[][] statistics(float[] probs, TFloat32 batchTargets) {
    double[][] values = new double[statistics.size()][];
    if (statistics.isEmpty()) {
      return values;
    }
    long n = batchTargets.shape().get(0);
    Shape shape =
        Shape.of(
            n,
            probabilities.shape().get(1),
            probabilities.shape().get(2),
            probabilities.shape().get(3));
    try (TFloat32 p = Tensors.of(shape, probs)) {
      Session.Runner r = session.runner().feed(probabilities, p).feed(targets, batchTargets);
      statistics.forEach(list -> list.forEach(r::fetch));
      try (Result res = r.run()) {
        int k = 0;
        for (int i = 0; i < values.length; i++) {
          values[i] = new double[statistics.get(i).size()];
          for (int j = 0; j < values[i].length; j++) {
            values[i][j] = ((TFloat64) res.get(k++)).getDouble();
          }
        }
      }
    }
    return values;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
