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
 * Streaming metrics over predictions that come from outside a training graph (a restored
 * checkpoint or a SavedModel): the same in-graph definitions, fed probabilities and targets.
 */
public final class MetricGraph implements AutoCloseable {
  private final Graph graph = new Graph();
  private final Session session;
  private final Placeholder<TFloat32> probabilities;
  private final Placeholder<TFloat32> targets;
  private final List<StreamingMetric> metrics;
  private final List<List<Operand<TFloat64>>> statistics = new ArrayList<>();
  private final double[][] totals;

  public MetricGraph(List<StreamingMetric> metrics, int height, int width, int classes) {
    this.metrics = metrics;
    Ops tf = Ops.create(graph);
    probabilities = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, height, width, classes)));
    targets = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, height, width, 1)));
    for (StreamingMetric m : metrics) {
      statistics.add(m.statistics(tf, probabilities, targets));
    }
    totals = new double[metrics.size()][];
    session = new Session(graph);
  }

  /** Adds one batch: {@code probs} as returned by a predictor, {@code batchTargets} from the data. */
  public void add(float[] probs, TFloat32 batchTargets) {
    if (metrics.isEmpty()) {
      return;
    }
    long n = batchTargets.shape().get(0);
    Shape shape = Shape.of(n, probabilities.shape().get(1), probabilities.shape().get(2), probabilities.shape().get(3));
    try (TFloat32 p = Tensors.of(shape, probs)) {
      Session.Runner r = session.runner().feed(probabilities, p).feed(targets, batchTargets);
      statistics.forEach(list -> list.forEach(r::fetch));
      try (Result res = r.run()) {
        int k = 0;
        for (int i = 0; i < totals.length; i++) {
          int size = statistics.get(i).size();
          if (totals[i] == null) {
            totals[i] = new double[size];
          }
          for (int j = 0; j < size; j++) {
            totals[i][j] += ((TFloat64) res.get(k++)).getDouble();
          }
        }
      }
    }
  }

  /** Each metric's value over everything added. */
  public java.util.Map<String, Double> results() {
    java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
    for (int i = 0; i < metrics.size(); i++) {
      out.put(metrics.get(i).name(), totals[i] == null ? Double.NaN : metrics.get(i).result(totals[i]));
    }
    return out;
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
