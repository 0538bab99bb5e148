package org.tfseg.loss;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tfseg.model.OutputChannels;

/**
 * Smooth Dice loss. Binary (sigmoid) models: per image {@code 1 − (2Σp·y + s) / (Σp + Σy + s)} over
 * height and width, averaged over the batch — the {@code dice_loss} that seed 001's {@code
 * bce_weight} formula comes from (usuyama's pytorch-unet, smooth 1); the smoothing keeps the loss
 * defined, and 0, for an empty prediction of an empty mask. Multi-class (softmax) models:
 * segmentation_models.pytorch's {@code DiceLoss("multiclass", from_logits=True, smooth,
 * ignore_index=void)}, per class {@code 1 − (2I + s) / max(P + Y + s, 1e-7)} from the {@link
 * ClassOverlap} sums over the batch, reduced as SMP does, optionally with per-class weights.
 */
public final class Dice implements Loss {
  private final double smooth;
  private final double[] classWeights;

  public Dice(double smooth) {
    this(smooth, null);
  }

  /**
   * @param classWeights one weight per class (multi-class models only), or null
   */
  public Dice(double smooth, double[] classWeights) {
    if (!(smooth >= 0)) {
      throw new IllegalArgumentException("smooth must be non-negative");
    }
    this.smooth = smooth;
    this.classWeights = classWeights == null ? null : classWeights.clone();
  }

  @Override
  public Operand<TFloat32> build(
      Ops tf, List<Operand<TFloat32>> logits, Operand<TFloat32> targets) {
    Operand<TFloat32> x = logits.get(0);
    if (OutputChannels.of(x) > 1) {
      ClassOverlap o = new ClassOverlap(tf, x, targets, "loss 'dice'");
      ClassWeights.requireCount(classWeights, o.classes, "loss 'dice'");
      Operand<TFloat32> score =
          ClassOverlap.ratio(
              tf,
              tf.math.mul(tf.constant(2f), o.intersection),
              tf.math.add(o.predicted, o.actual),
              smooth);
      return o.reduce(tf, tf.math.sub(tf.constant(1f), score), classWeights);
    }
    if (classWeights != null) {
      throw new org.tfseg.UserError(
          "loss 'dice' has class weights, which need a multi-class model (a binary Dice scores"
              + " the foreground only)");
    }
    return tf.math.mean(perImage(tf, tf.math.sigmoid(x), targets), tf.constant(0));
  }

  /** {@code 1 − Dice} of each image, shape {@code [batch]}. */
  public Operand<TFloat32> perImage(
      Ops tf, Operand<TFloat32> probabilities, Operand<TFloat32> targets) {
    Operand<TInt32> axes = tf.constant(new int[] {1, 2, 3});
    Operand<TFloat32> s = tf.constant((float) smooth);
    Operand<TFloat32> intersection = tf.sum(tf.math.mul(probabilities, targets), axes);
    Operand<TFloat32> total = tf.math.add(tf.sum(probabilities, axes), tf.sum(targets, axes));
    Operand<TFloat32> dice =
        tf.math.div(
            tf.math.add(tf.math.mul(tf.constant(2f), intersection), s), tf.math.add(total, s));
    return tf.math.sub(tf.constant(1f), dice);
  }
}
