package org.tfseg.metric;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * {@code mae_all_background}: the MAE a model predicting background everywhere would get, i.e. the
 * mean of the masks — the bar any salient-object model must beat. Binary models only.
 */
public final class AllBackgroundMae implements StreamingMetric {
  @Override
  public String name() {
    return "mae_all_background";
  }

  @Override
  public List<Operand<TFloat64>> statistics(Ops tf, Operand<TFloat32> p, Operand<TFloat32> y) {
    Operand<TFloat64> sum =
        tf.sum(tf.dtypes.cast(y, TFloat64.class), tf.constant(new int[] {0, 1, 2, 3}));
    Operand<TFloat64> count = tf.dtypes.cast(tf.size(y), TFloat64.class);
    return List.of(sum, count);
  }

  @Override
  public double result(double[] t) {
    return t[1] == 0 ? 0 : t[0] / t[1];
  }
}
