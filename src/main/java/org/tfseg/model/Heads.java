package org.tfseg.model;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** From logits to probabilities: sigmoid for one channel, softmax over channels otherwise. */
public final class Heads {
  private Heads() {}

  public static Operand<TFloat32> probabilities(Ops tf, Operand<TFloat32> logits) {
    long c = logits.shape().get(logits.shape().numDimensions() - 1);
    return c == 1 ? tf.math.sigmoid(logits) : tf.nn.softmax(logits);
  }
}
