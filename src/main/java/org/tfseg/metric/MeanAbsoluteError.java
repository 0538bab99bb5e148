package org.tfseg.metric;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Pixel MAE {@code mean |p − y|} over every pixel of the epoch (Keras {@code MeanAbsoluteError}).
 */
public final class MeanAbsoluteError implements StreamingMetric {
  @Override
  public String name() {
    return "mae";
  }

  @Override
  public List<Operand<TFloat64>> statistics(Ops tf, Operand<TFloat32> p, Operand<TFloat32> y) {
    Operand<TFloat64> err = tf.dtypes.cast(tf.math.abs(tf.math.sub(p, y)), TFloat64.class);
    Operand<TFloat64> sum = tf.sum(err, tf.constant(new int[] {0, 1, 2, 3}));
    Operand<TFloat64> count = tf.dtypes.cast(tf.size(p), TFloat64.class);
    return List.of(sum, count);
  }

  @Override
  public double result(double[] t) {
    return t[1] == 0 ? 0 : t[0] / t[1];
  }
}
