package org.tfseg.loss;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Keras {@code binary_crossentropy} on a sigmoid output, computed from the logits as Keras does
 * when it sees a sigmoid: {@code max(x, 0) − x·z + log(1 + e^{−|x|})}, averaged over all pixels and
 * the batch. Targets may be soft (resized masks have fractional edges).
 */
public final class BinaryCrossEntropy implements Loss {
  @Override
  public Operand<TFloat32> build(
      Ops tf, List<Operand<TFloat32>> logits, Operand<TFloat32> targets) {
    return tf.math.mean(perPixel(tf, logits.get(0), targets), tf.constant(new int[] {0, 1, 2, 3}));
  }

  /** The element-wise loss, for composition into weighted and deep-supervised losses. */
  public static Operand<TFloat32> perPixel(Ops tf, Operand<TFloat32> x, Operand<TFloat32> z) {
    Operand<TFloat32> relu = tf.math.maximum(x, tf.constant(0f));
    Operand<TFloat32> log1pExp = tf.math.log1p(tf.math.exp(tf.math.neg(tf.math.abs(x))));
    return tf.math.add(tf.math.sub(relu, tf.math.mul(x, z)), log1pExp);
  }
}
