package org.tfseg.metric;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Dice score (F1) of the thresholded foreground over the epoch for binary models, {@code 2TP / (2TP
 * + FP + FN)} with {@link Precision}'s conventions; 1 when prediction and target are both empty
 * over the whole epoch (they agree perfectly). Multi-class models: the macro average of {@link
 * MacroScores}, void pixels left out.
 */
public final class DiceScore implements StreamingMetric {
  private final float threshold;

  public DiceScore(double threshold) {
    this.threshold = (float) threshold;
  }

  @Override
  public String name() {
    return "dice";
  }

  @Override
  public List<Operand<TFloat64>> statistics(Ops tf, Operand<TFloat32> p, Operand<TFloat32> y) {
    if (MacroScores.applies(p)) {
      return MacroScores.statistics(tf, p, y, threshold);
    }
    Confusion c = new Confusion(tf, p, y, threshold);
    return List.of(c.truePositives(), c.falsePositives(), c.falseNegatives());
  }

  @Override
  public double result(double[] t) {
    if (t.length > 3) {
      return MacroScores.result(t, MacroScores.Score.F1);
    }
    double denominator = 2 * t[0] + t[1] + t[2];
    return denominator == 0 ? 1 : 2 * t[0] / denominator;
  }
}
