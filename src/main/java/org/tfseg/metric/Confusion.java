package org.tfseg.metric;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/** Pixel confusion counts for binary masks: predicted {@code p > t}, actual {@code y != 0}. */
final class Confusion {
  private final Ops tf;
  private final Operand<TBool> predicted;
  private final Operand<TBool> actual;

  Confusion(Ops tf, Operand<TFloat32> p, Operand<TFloat32> y, float threshold) {
    this.tf = tf;
    this.predicted = tf.math.greater(p, tf.constant(threshold));
    this.actual = tf.math.notEqual(y, tf.constant(0f));
  }

  Operand<TFloat64> truePositives() {
    return count(tf.math.logicalAnd(predicted, actual));
  }

  Operand<TFloat64> falsePositives() {
    return count(tf.math.logicalAnd(predicted, tf.math.logicalNot(actual)));
  }

  Operand<TFloat64> falseNegatives() {
    return count(tf.math.logicalAnd(tf.math.logicalNot(predicted), actual));
  }

  private Operand<TFloat64> count(Operand<TBool> b) {
    Operand<TFloat64> f = tf.dtypes.cast(b, TFloat64.class);
    return tf.sum(f, tf.constant(new int[] {0, 1, 2, 3}));
  }
}
