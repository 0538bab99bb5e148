package org.tfseg.loss;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tfseg.model.OutputChannels;

/**
 * The soft overlap sums of segmentation_models.pytorch's {@code DiceLoss} / {@code TverskyLoss}
 * ({@code from_logits=True}): per class {@code c}, over the batch and all pixels, {@code I_c = Σ
 * p·y}, {@code P_c = Σ p}, {@code Y_c = Σ y}. A one-channel model is SMP's binary mode ({@code p =
 * sigmoid(x)}, {@code y} the soft mask); more channels its multi-class mode ({@code p =
 * softmax(x)}, {@code y} the one-hot label), where void pixels ({@code ignore_index}) are zeroed in
 * both {@code p} and {@code y}.
 */
final class ClassOverlap {
  /** SMP's {@code eps}: the score's denominator is clamped to at least this. */
  static final float EPS = 1e-7f;

  final Operand<TFloat32> intersection;
  final Operand<TFloat32> predicted;
  final Operand<TFloat32> actual;
  final int classes;

  ClassOverlap(Ops tf, Operand<TFloat32> logits, Operand<TFloat32> targets, String what) {
    long c = OutputChannels.of(logits);
    Operand<TFloat32> p;
    Operand<TFloat32> y;
    if (c == 1) {
      p = tf.reshape(tf.math.sigmoid(logits), tf.constant(new int[] {-1, 1}));
      y = tf.reshape(targets, tf.constant(new int[] {-1, 1}));
    } else {
      SparseTargets t = new SparseTargets(tf, targets, (int) c, what);
      Operand<TFloat32> flat = tf.reshape(logits, tf.constant(new long[] {-1, c}));
      p = tf.math.mul(tf.nn.softmax(flat), tf.expandDims(t.valid(), tf.constant(-1)));
      y = t.oneHot();
    }
    Operand<TInt32> pixels = tf.constant(0);
    this.classes = (int) c;
    this.intersection = tf.sum(tf.math.mul(p, y), pixels);
    this.predicted = tf.sum(p, pixels);
    this.actual = tf.sum(y, pixels);
  }

  /**
   * SMP's reduction of per-class losses {@code [C]}: a class absent from the batch's (counted)
   * targets contributes 0, yet counts in the mean; with {@code weights}, the weighted mean {@code Σ
   * w_c·L_c / Σ w_c} (SMP's plain mean when all are 1).
   */
  Operand<TFloat32> reduce(Ops tf, Operand<TFloat32> perClass, double[] weights) {
    Operand<TFloat32> present =
        tf.dtypes.cast(tf.math.greater(actual, tf.constant(0f)), TFloat32.class);
    Operand<TFloat32> masked = tf.math.mul(perClass, present);
    Operand<TInt32> axis = tf.constant(0);
    if (weights == null) {
      return tf.math.mean(masked, axis);
    }
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    float[] normalised = SparseTargets.toFloats(weights);
    for (int i = 0; i < normalised.length; i++) {
      normalised[i] = (float) (weights[i] / total);
    }
    return tf.sum(tf.math.mul(masked, tf.constant(normalised)), axis);
  }

  /** {@code (num + s) / max(den + s, eps)}. */
  static Operand<TFloat32> ratio(
      Ops tf, Operand<TFloat32> num, Operand<TFloat32> den, double smooth) {
    Operand<TFloat32> s = tf.constant((float) smooth);
    return tf.math.div(tf.math.add(num, s), tf.math.maximum(tf.math.add(den, s), tf.constant(EPS)));
  }
}
