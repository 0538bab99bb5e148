package org.tfseg.loss;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tfseg.data.LabelMap;

/**
 * Class-label targets {@code [N, H, W, 1]} (floats, cast to int as Keras does) of a {@code C}-class
 * model, flattened to {@code [P]} pixels: their one-hot rows, which pixels count (a {@link
 * LabelMap#VOID} pixel does not, as Keras' {@code ignore_class}), and per-pixel class weights. A
 * label outside {@code [0, C)} other than void fails the step (Keras fails too) rather than
 * silently contributing nothing.
 */
final class SparseTargets {
  private final Ops tf;
  private final int classes;
  private final Operand<TInt32> labels;
  private final Operand<TFloat32> valid;

  /**
   * @param what the loss, for the error message
   */
  SparseTargets(Ops tf, Operand<TFloat32> targets, int classes, String what) {
    this.tf = tf;
    this.classes = classes;
    Operand<TInt32> raw =
        tf.reshape(tf.dtypes.cast(targets, TInt32.class), tf.constant(new int[] {-1}));
    Operand<TInt32> all = tf.constant(0);
    Op inRange =
        tf.assertThat(
            tf.math.logicalAnd(
                tf.math.greaterEqual(tf.min(raw, all), tf.constant(LabelMap.VOID)),
                tf.math.less(tf.max(raw, all), tf.constant(classes))),
            List.of(
                tf.constant(what + ": label outside [0, " + classes + ") and not void, min/max:"),
                tf.min(raw, all),
                tf.max(raw, all)));
    this.labels = tf.withControlDependencies(List.of(inRange)).identity(raw);
    this.valid = tf.dtypes.cast(tf.math.greaterEqual(labels, tf.constant(0)), TFloat32.class);
  }

  /** {@code [P]} class indices, {@link LabelMap#VOID} for void pixels. */
  Operand<TInt32> labels() {
    return labels;
  }

  /** {@code [P, C]}: one-hot of the label, all zeros for a void pixel. */
  Operand<TFloat32> oneHot() {
    return tf.oneHot(labels, tf.constant(classes), tf.constant(1f), tf.constant(0f));
  }

  /**
   * {@code [P, C]}: Keras' label smoothing of the one-hot rows, {@code y·(1 − ls) + ls/C} ({@code
   * CategoricalCrossentropy(label_smoothing)}); void rows stay zero.
   */
  Operand<TFloat32> smoothed(double labelSmoothing) {
    if (labelSmoothing == 0) {
      return oneHot();
    }
    Operand<TFloat32> scaled = tf.math.mul(oneHot(), tf.constant((float) (1 - labelSmoothing)));
    Operand<TFloat32> uniform =
        tf.math.mul(
            tf.expandDims(valid, tf.constant(-1)), tf.constant((float) (labelSmoothing / classes)));
    return tf.math.add(scaled, uniform);
  }

  /** {@code [P]}: 1 for a counted pixel, 0 for a void one. */
  Operand<TFloat32> valid() {
    return valid;
  }

  /**
   * {@code [P]}: the weight of every pixel, its class' weight (Keras {@code class_weight}: the
   * weight of the sample's class multiplies its loss), 0 for void; {@code weights} null is all 1.
   */
  Operand<TFloat32> weights(double[] weights) {
    if (weights == null) {
      return valid;
    }
    Operand<TInt32> safe = tf.math.maximum(labels, tf.constant(0));
    Operand<TFloat32> perClass = tf.gather(tf.constant(toFloats(weights)), safe, tf.constant(0));
    return tf.math.mul(perClass, valid);
  }

  /**
   * Keras' {@code sum_over_batch_size} reduction with a mask: {@code Σ loss / #counted pixels} (0
   * when every pixel is void). {@code weightedLoss} must already be 0 on void pixels.
   */
  Operand<TFloat32> mean(Operand<TFloat32> weightedLoss) {
    Operand<TInt32> axis = tf.constant(0);
    return tf.math.divNoNan(tf.sum(weightedLoss, axis), tf.sum(valid, axis));
  }

  static float[] toFloats(double[] v) {
    float[] f = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      f[i] = (float) v[i];
    }
    return f;
  }
}
