package org.tfseg.loss;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tfseg.model.OutputChannels;

/**
 * Smooth Dice loss on {@code p = sigmoid(logits)} and soft targets {@code y}, for binary models:
 * per image {@code 1 − (2Σp·y + s) / (Σp + Σy + s)} over height and width, averaged over the batch
 * — the {@code dice_loss} that seed 001's {@code bce_weight} formula comes from (usuyama's
 * pytorch-unet, smooth 1). The smoothing keeps the loss defined, and 0, for an empty prediction of
 * an empty mask.
 */
public final class Dice implements Loss {
  private final double smooth;

  public Dice(double smooth) {
    if (!(smooth >= 0)) {
      throw new IllegalArgumentException("smooth must be non-negative");
    }
    this.smooth = smooth;
  }

  @Override
  public Operand<TFloat32> build(
      Ops tf, List<Operand<TFloat32>> logits, Operand<TFloat32> targets) {
    OutputChannels.requireBinary(logits.get(0), "loss 'dice'");
    return tf.math.mean(perImage(tf, tf.math.sigmoid(logits.get(0)), targets), tf.constant(0));
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
