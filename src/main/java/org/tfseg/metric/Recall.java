package org.tfseg.metric;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Keras {@code Recall(thresholds=t)}: TP / (TP + FN) with {@link Precision}'s conventions.
 * Multi-class models: the macro average of {@link MacroScores}, void pixels left out.
 */
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
    if (MacroScores.applies(p)) {
      return MacroScores.statistics(tf, p, y, threshold);
    }
    Confusion c = new Confusion(tf, p, y, threshold);
    return List.of(c.truePositives(), c.falseNegatives());
  }

  @Override
  public double result(double[] t) {
    if (t.length > 2) {
      return MacroScores.result(t, MacroScores.Score.RECALL);
    }
    return t[0] + t[1] == 0 ? 0 : t[0] / (t[0] + t[1]);
  }
}
