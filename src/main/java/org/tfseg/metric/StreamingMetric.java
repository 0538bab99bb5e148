package org.tfseg.metric;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * A metric accumulated over an epoch as Keras metrics are: each batch yields additive statistics
 * computed in the graph (counts, sums), the trainer sums them, and {@link #result} turns the totals
 * into the value — so precision is TP/(TP+FP) over the whole epoch, not a mean of batches.
 */
public interface StreamingMetric {
  String name();

  /** Additive per-batch statistics from probabilities and targets, each a float64 scalar. */
  List<Operand<TFloat64>> statistics(
      Ops tf, Operand<TFloat32> probabilities, Operand<TFloat32> targets);

  double result(double[] totals);
}
