package org.tfseg.loss;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * BASNet's IoU loss on probabilities {@code p = sigmoid(logits)} and soft targets {@code y}: per
 * image {@code 1 − (Σp·y + s) / (Σp + Σy − Σp·y + s)} over height, width and channels, averaged
 * over the batch. The smoothing {@code s} only matters when both maps are (nearly) empty.
 */
public final class SoftIou implements Loss {
  /** The seed's BasnetLoss smoothing. */
  public static final double SEED_SMOOTH = 1e-9;

  private final double smooth;

  /** With the seed's smoothing, 1e-9. */
  public SoftIou() {
    this(SEED_SMOOTH);
  }

  public SoftIou(double smooth) {
    if (smooth < 0) {
      throw new IllegalArgumentException("smooth must be non-negative");
    }
    this.smooth = smooth;
  }

  @Override
  public Operand<TFloat32> build(
      Ops tf, List<Operand<TFloat32>> logits, Operand<TFloat32> targets) {
    return tf.math.mean(perImage(tf, tf.math.sigmoid(logits.get(0)), targets), tf.constant(0));
  }

  /** {@code 1 − IoU} of each image, shape {@code [batch]}. */
  public Operand<TFloat32> perImage(
      Ops tf, Operand<TFloat32> probabilities, Operand<TFloat32> targets) {
    Operand<TInt32> axes = tf.constant(new int[] {1, 2, 3});
    Operand<TFloat32> s = tf.constant((float) smooth);
    Operand<TFloat32> intersection = tf.sum(tf.math.mul(probabilities, targets), axes);
    Operand<TFloat32> union =
        tf.math.sub(tf.math.add(tf.sum(targets, axes), tf.sum(probabilities, axes)), intersection);
    Operand<TFloat32> iou = tf.math.div(tf.math.add(intersection, s), tf.math.add(union, s));
    return tf.math.sub(tf.constant(1f), iou);
  }
}
