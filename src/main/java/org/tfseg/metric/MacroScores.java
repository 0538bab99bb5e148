package org.tfseg.metric;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Precision, recall and Dice of a multi-class (softmax) model: segmentation_models.pytorch's {@code
 * get_stats(mode="multiclass", ignore_index=void)} pooled over the epoch, then {@code precision} /
 * {@code recall} / {@code f1_score} with {@code reduction="macro"} and {@code zero_division=1}:
 * each class' score from its epoch counts ({@code tp/(tp+fp)}, {@code tp/(tp+fn)}, {@code
 * 2tp/(2tp+fp+fn)}), 1 where the denominator is 0, averaged over all classes. The statistics are
 * {@code tp, predicted, actual} per class, {@code 3C} values.
 */
final class MacroScores {
  enum Score {
    PRECISION,
    RECALL,
    F1
  }

  private MacroScores() {}

  /** Whether {@code p} is a multi-class output, whose statistics these are. */
  static boolean applies(Operand<TFloat32> p) {
    return org.tfseg.model.OutputChannels.of(p) > 1;
  }

  static List<Operand<TFloat64>> statistics(
      Ops tf, Operand<TFloat32> p, Operand<TFloat32> y, double threshold) {
    PixelClasses pixels = new PixelClasses(tf, p, y, threshold);
    List<Operand<TFloat64>> out = new ArrayList<>();
    for (int c = 0; c < pixels.classes(); c++) {
      out.add(pixels.intersection(c));
      out.add(pixels.predicted(c));
      out.add(pixels.actual(c));
    }
    return out;
  }

  static double result(double[] t, Score score) {
    double sum = 0;
    int classes = t.length / 3;
    for (int i = 0; i < t.length; i += 3) {
      double tp = t[i];
      double fp = t[i + 1] - tp;
      double fn = t[i + 2] - tp;
      double den =
          switch (score) {
            case PRECISION -> tp + fp;
            case RECALL -> tp + fn;
            case F1 -> 2 * tp + fp + fn;
          };
      double num = score == Score.F1 ? 2 * tp : tp;
      sum += den == 0 ? 1 : num / den;
    }
    return sum / classes;
  }
}
