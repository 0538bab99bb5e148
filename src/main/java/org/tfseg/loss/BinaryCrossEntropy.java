package org.tfseg.loss;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras {@code binary_crossentropy} on a sigmoid output, computed from the logits as Keras does
 * when it sees a sigmoid: {@code max(x, 0) − x·z + log(1 + e^{−|x|})}, averaged over all pixels and
 * the batch. Targets may be soft (resized masks have fractional edges).
 *
 * <p>Options, both Keras': {@code label_smoothing} {@code z = y·(1 − ls) + 0.5·ls} ({@code
 * BinaryCrossentropy(label_smoothing)}), and class weights {@code [w_background, w_foreground]} as
 * {@code fit(class_weight=…)}: each pixel's loss times {@code w_bg·(1 − y) + w_fg·y} of its
 * (unsmoothed) target, the mean still over all pixels.
 */
public final class BinaryCrossEntropy implements Loss {
  private final double labelSmoothing;
  private final double[] classWeights;

  /** Plain binary cross-entropy. */
  public BinaryCrossEntropy() {
    this(0, null);
  }

  /**
   * @param classWeights {@code [background, foreground]}, or null for both 1
   */
  public BinaryCrossEntropy(double labelSmoothing, double[] classWeights) {
    if (classWeights != null && classWeights.length != 2) {
      throw new IllegalArgumentException("binary class weights are [background, foreground]");
    }
    this.labelSmoothing = labelSmoothing;
    this.classWeights = classWeights == null ? null : classWeights.clone();
  }

  @Override
  public Operand<TFloat32> build(
      Ops tf, List<Operand<TFloat32>> logits, Operand<TFloat32> targets) {
    Operand<TFloat32> x = logits.get(0);
    Operand<TFloat32> perPixel = perPixel(tf, x, smoothed(tf, targets, labelSmoothing));
    return tf.math.mean(
        weighted(tf, perPixel, targets, classWeights), tf.constant(new int[] {0, 1, 2, 3}));
  }

  /** The element-wise loss, for composition into weighted and deep-supervised losses. */
  public static Operand<TFloat32> perPixel(Ops tf, Operand<TFloat32> x, Operand<TFloat32> z) {
    Operand<TFloat32> relu = tf.math.maximum(x, tf.constant(0f));
    Operand<TFloat32> log1pExp = tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(x))));
    return tf.math.add(tf.math.sub(relu, tf.math.mul(x, z)), log1pExp);
  }

  /** Keras' binary label smoothing {@code y·(1 − ls) + 0.5·ls}. */
  static Operand<TFloat32> smoothed(Ops tf, Operand<TFloat32> y, double labelSmoothing) {
    if (labelSmoothing == 0) {
      return y;
    }
    return tf.math.add(
        tf.math.mul(y, tf.constant((float) (1 - labelSmoothing))),
        tf.constant((float) (0.5 * labelSmoothing)));
  }

  /** {@code loss · (w_bg·(1 − y) + w_fg·y)}; {@code loss} unchanged for null weights. */
  static Operand<TFloat32> weighted(
      Ops tf, Operand<TFloat32> loss, Operand<TFloat32> y, double[] classWeights) {
    if (classWeights == null) {
      return loss;
    }
    Operand<TFloat32> w =
        tf.math.add(
            tf.constant((float) classWeights[0]),
            tf.math.mul(y, tf.constant((float) (classWeights[1] - classWeights[0]))));
    return tf.math.mul(loss, w);
  }
}
