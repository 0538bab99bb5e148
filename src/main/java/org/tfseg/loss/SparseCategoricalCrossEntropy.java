package org.tfseg.loss;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tfseg.model.OutputChannels;

/**
 * Keras {@code SparseCategoricalCrossentropy(from_logits=True)}: {@code −log softmax(x)[y]} per
 * pixel, averaged over all pixels and the batch; targets are class indices stored as floats {@code
 * [N, H, W, 1]} and cast to int as Keras does. Built from ops with correct C++ gradients: TF's
 * fused sparse op has none, and {@code logSoftmax} is only right on rank 2, so logits are reshaped
 * to {@code [−1, C]} first. A label outside {@code [0, C)} fails the step (Keras fails too) rather
 * than silently contributing nothing.
 */
public final class SparseCategoricalCrossEntropy implements Loss {
  @Override
  public Operand<TFloat32> build(
      Ops tf, List<Operand<TFloat32>> logits, Operand<TFloat32> targets) {
    return tf.math.mean(perPixel(tf, logits.get(0), targets), tf.constant(0));
  }

  /** The loss of every pixel, flattened to {@code [N·H·W]}. */
  public static Operand<TFloat32> perPixel(
      Ops tf, Operand<TFloat32> logits, Operand<TFloat32> labels) {
    long c = OutputChannels.requireMultiClass(logits, "loss 'sparse_categorical_crossentropy'");
    Operand<TFloat32> flat = tf.reshape(logits, tf.constant(new long[] {-1, c}));
    Operand<TInt32> classes =
        tf.reshape(tf.dtypes.cast(labels, TInt32.class), tf.constant(new int[] {-1}));
    Operand<TInt32> all = tf.constant(0);
    Op inRange =
        tf.assertThat(
            tf.math.logicalAnd(
                tf.math.greaterEqual(tf.min(classes, all), tf.constant(0)),
                tf.math.less(tf.max(classes, all), tf.constant((int) c))),
            List.of(
                tf.constant(
                    "sparse_categorical_crossentropy: label outside [0, " + c + "), min/max:"),
                tf.min(classes, all),
                tf.max(classes, all)));
    Operand<TFloat32> oneHot =
        tf.oneHot(
            tf.withControlDependencies(List.of(inRange)).identity(classes),
            tf.constant((int) c),
            tf.constant(1f),
            tf.constant(0f));
    Operand<TFloat32> logProbabilities = tf.nn.logSoftmax(flat);
    return tf.math.neg(tf.sum(tf.math.mul(oneHot, logProbabilities), tf.constant(1)));
  }
}
