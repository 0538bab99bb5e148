package org.tfseg.loss;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * segmentation_models.pytorch's {@code TverskyLoss(alpha, beta, smooth, from_logits=True,
 * ignore_index=void)} (gamma 1): per class {@code 1 − (I + s) / (I + α·FP + β·FN + s)} from the
 * {@link ClassOverlap} sums ({@code FP = P − I}, {@code FN = Y − I}), reduced as SMP does. α weighs
 * false positives, β false negatives; α = β = 0.5 is the Dice loss with {@code s} doubled.
 */
public final class Tversky implements Loss {
  private final double alpha;
  private final double beta;
  private final double smooth;
  private final double[] classWeights;

  /**
   * @param classWeights one weight per class (multi-class models), or null
   */
  public Tversky(double alpha, double beta, double smooth, double[] classWeights) {
    if (!(alpha >= 0 && beta >= 0 && smooth >= 0)) {
      throw new IllegalArgumentException("alpha, beta and smooth must be >= 0");
    }
    this.alpha = alpha;
    this.beta = beta;
    this.smooth = smooth;
    this.classWeights = classWeights == null ? null : classWeights.clone();
  }

  @Override
  public Operand<TFloat32> build(
      Ops tf, List<Operand<TFloat32>> logits, Operand<TFloat32> targets) {
    String what = "loss 'tversky'";
    ClassOverlap o = new ClassOverlap(tf, logits.get(0), targets, what);
    ClassWeights.requireCount(classWeights, o.classes, what);
    Operand<TFloat32> fp = tf.math.sub(o.predicted, o.intersection);
    Operand<TFloat32> fn = tf.math.sub(o.actual, o.intersection);
    Operand<TFloat32> den =
        tf.math.add(
            o.intersection,
            tf.math.add(
                tf.math.mul(fp, tf.constant((float) alpha)),
                tf.math.mul(fn, tf.constant((float) beta))));
    Operand<TFloat32> score = ClassOverlap.ratio(tf, o.intersection, den, smooth);
    return o.reduce(tf, tf.math.sub(tf.constant(1f), score), classWeights);
  }
}
