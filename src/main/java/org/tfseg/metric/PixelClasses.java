package org.tfseg.metric;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tfseg.data.LabelMap;
import org.tfseg.model.OutputChannels;

/**
 * Predicted and true class of every pixel, for the class-counting metrics. A softmax output of C
 * channels has C classes: predicted = argmax, true = the label cast to int (as Keras casts {@code
 * y_true}); a void pixel ({@link LabelMap#VOID}) is in neither, so it counts nowhere (Keras' {@code
 * ignore_class}, SMP's {@code ignore_index}). A sigmoid output has 2 classes: predicted = {@code p
 * > threshold}, true = {@code y ≠ 0} (the conventions of {@link Precision}).
 */
final class PixelClasses {
  private final Ops tf;
  private final int classes;
  private final Operand<TInt32> predicted;
  private final Operand<TInt32> actual;
  private final Operand<TBool> valid;

  PixelClasses(Ops tf, Operand<TFloat32> p, Operand<TFloat32> y, double threshold) {
    this.tf = tf;
    long c = OutputChannels.of(p);
    Operand<TInt32> last = tf.constant(-1);
    if (c == 1) {
      classes = 2;
      predicted =
          lastDropped(
              tf, tf.dtypes.cast(tf.math.greater(p, tf.constant((float) threshold)), TInt32.class));
      actual = lastDropped(tf, tf.dtypes.cast(tf.math.notEqual(y, tf.constant(0f)), TInt32.class));
      valid = null;
    } else {
      classes = (int) c;
      actual = lastDropped(tf, tf.dtypes.cast(y, TInt32.class));
      valid = tf.math.notEqual(actual, tf.constant(LabelMap.VOID));
      // a void pixel's prediction is void too, so it counts in no class
      predicted = tf.select(valid, tf.math.argMax(p, last, TInt32.class), actual);
    }
  }

  int classes() {
    return classes;
  }

  /** Pixels whose predicted class is the true one. */
  Operand<TFloat64> correct() {
    Operand<TBool> same = tf.math.equal(predicted, actual);
    return count(valid == null ? same : tf.math.logicalAnd(same, valid));
  }

  /** The counted (non-void) pixels. */
  Operand<TFloat64> pixels() {
    return valid == null ? tf.dtypes.cast(tf.size(actual), TFloat64.class) : count(valid);
  }

  /** Pixels predicted as class {@code c}. */
  Operand<TFloat64> predicted(int c) {
    return count(is(predicted, c));
  }

  /** Pixels labelled class {@code c}. */
  Operand<TFloat64> actual(int c) {
    return count(is(actual, c));
  }

  /** Pixels of class {@code c} in both prediction and target (the confusion matrix' diagonal). */
  Operand<TFloat64> intersection(int c) {
    return count(tf.math.logicalAnd(is(predicted, c), is(actual, c)));
  }

  /**
   * Predicted plus true pixels of class {@code c} (row plus column sum of the confusion matrix).
   */
  Operand<TFloat64> predictedPlusActual(int c) {
    return tf.math.add(count(is(predicted, c)), count(is(actual, c)));
  }

  /**
   * Keras {@code IoU} of one class from its totals: {@code tp / (predicted + actual − tp)}, 0 when
   * the class is in neither (Keras' {@code div_no_nan}).
   */
  static double iou(double intersection, double predictedPlusActual) {
    double union = predictedPlusActual - intersection;
    return union == 0 ? 0 : intersection / union;
  }

  /** {@code [N, H, W, 1] → [N, H, W]}. */
  private static Operand<TInt32> lastDropped(Ops tf, Operand<TInt32> x) {
    return tf.squeeze(x, Squeeze.axis(List.of(-1L)));
  }

  private Operand<TBool> is(Operand<TInt32> classMap, int c) {
    return tf.math.equal(classMap, tf.constant(c));
  }

  private Operand<TFloat64> count(Operand<TBool> b) {
    Operand<TFloat64> f = tf.dtypes.cast(b, TFloat64.class);
    return tf.sum(f, tf.range(tf.constant(0), tf.rank(f), tf.constant(1)));
  }
}
