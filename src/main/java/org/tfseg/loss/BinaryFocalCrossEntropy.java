package org.tfseg.loss;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tfseg.model.OutputChannels;

/**
 * Keras {@code BinaryFocalCrossentropy(apply_class_balancing, alpha, gamma, from_logits=True,
 * label_smoothing)} on a sigmoid output: with {@code z} the (smoothed) target and {@code p =
 * sigmoid(x)}, per pixel {@code (1 − p_t)^γ · bce(x, z)} with {@code p_t = z·p + (1 − z)·(1 − p)},
 * times {@code α·z + (1 − α)·(1 − z)} when class balancing is on, averaged over all pixels. The
 * cross-entropy is the stable logits form of {@link BinaryCrossEntropy} (Keras clips {@code p} to
 * [1e-7, 1 − 1e-7] instead, which only differs when a logit exceeds ±16), and {@code 1 − p_t} is
 * floored at 1e-7 so that a γ below 1 keeps a finite gradient. Optional class weights {@code
 * [w_background, w_foreground]} multiply in as in {@link BinaryCrossEntropy}.
 */
public final class BinaryFocalCrossEntropy implements Loss {
  private final boolean applyClassBalancing;
  private final double alpha;
  private final double gamma;
  private final double labelSmoothing;
  private final double[] classWeights;

  public BinaryFocalCrossEntropy(
      boolean applyClassBalancing,
      double alpha,
      double gamma,
      double labelSmoothing,
      double[] classWeights) {
    if (!(gamma >= 0) || !(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("gamma must be >= 0 and alpha in [0, 1]");
    }
    if (classWeights != null && classWeights.length != 2) {
      throw new IllegalArgumentException("binary class weights are [background, foreground]");
    }
    this.applyClassBalancing = applyClassBalancing;
    this.alpha = alpha;
    this.gamma = gamma;
    this.labelSmoothing = labelSmoothing;
    this.classWeights = classWeights == null ? null : classWeights.clone();
  }

  @Override
  public Operand<TFloat32> build(
      Ops tf, List<Operand<TFloat32>> logits, Operand<TFloat32> targets) {
    Operand<TFloat32> x = logits.get(0);
    OutputChannels.requireBinary(x, "loss 'binary_focal_crossentropy'");
    Operand<TFloat32> z = BinaryCrossEntropy.smoothed(tf, targets, labelSmoothing);
    Operand<TFloat32> loss = BinaryCrossEntropy.perPixel(tf, x, z);
    if (gamma != 0) {
      Operand<TFloat32> p = tf.math.sigmoid(x);
      Operand<TFloat32> one = tf.constant(1f);
      // 1 − p_t = z·(1 − p) + (1 − z)·p
      Operand<TFloat32> miss =
          tf.math.add(tf.math.mul(z, tf.math.sub(one, p)), tf.math.mul(tf.math.sub(one, z), p));
      Operand<TFloat32> factor =
          tf.math.pow(tf.math.maximum(miss, tf.constant(1e-7f)), tf.constant((float) gamma));
      loss = tf.math.mul(factor, loss);
    }
    if (applyClassBalancing) {
      Operand<TFloat32> balance =
          tf.math.add(
              tf.constant((float) (1 - alpha)),
              tf.math.mul(z, tf.constant((float) (2 * alpha - 1))));
      loss = tf.math.mul(balance, loss);
    }
    loss = BinaryCrossEntropy.weighted(tf, loss, targets, classWeights);
    return tf.math.mean(loss, tf.constant(new int[] {0, 1, 2, 3}));
  }
}
