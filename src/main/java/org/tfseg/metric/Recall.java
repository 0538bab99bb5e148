package org.tfseg.metric;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/** Keras {@code Recall(thresholds=t)}: TP / (TP + FN) with {@link Precision}'s conventions. */
public final class Recall implements StreamingMetric {
  private final float threshold;

  public Recall(double threshold) {
    this.threshold = (float) threshold;
  }

  @Override
  public String name() {
    return "recall";
  }

  @Override
  public List<Operand<TFloat64>> statistics(Ops tf, Operand<TFloat32> p, Operand<TFloat32> y) {
    Confusion c = new Confusion(tf, p, y, threshold);
    return List.of(c.truePositives(), c.falseNegatives());
  }

  @Override
  public double result(double[] t) {
    return t[0] + t[1] == 0 ? 0 : t[0] / (t[0] + t[1]);
  }
}
