package org.tfseg.metric;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Keras {@code Precision(thresholds=t)}: a pixel is predicted positive when {@code p > t}; as in
 * Keras, a target pixel counts as positive when it is non-zero (Keras casts {@code y_true} to
 * bool). Result TP / (TP + FP), 0 when nothing is predicted positive. Multi-class models: the macro
 * average of {@link MacroScores}, void pixels left out.
 */
public final class Precision implements StreamingMetric {
  private final float threshold;

  public Precision(double threshold) {
    this.threshold = (float) threshold;
  }

  @Override
  public String name() {
    return "precision";
  }

  @Override
  public List<Operand<TFloat64>> statistics(Ops tf, Operand<TFloat32> p, Operand<TFloat32> y) {
    if (MacroScores.applies(p)) {
      return MacroScores.statistics(tf, p, y, threshold);
    }
    Confusion c = new Confusion(tf, p, y, threshold);
    return List.of(c.truePositives(), c.falsePositives());
  }

  @Override
  public double result(double[] t) {
    if (t.length > 2) {
      return MacroScores.result(t, MacroScores.Score.PRECISION);
    }
    return t[0] + t[1] == 0 ? 0 : t[0] / (t[0] + t[1]);
  }
}
