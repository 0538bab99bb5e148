package org.tfseg.optim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.ModelVariable;

/**
 * Keras {@code L2(l2)} on a set of weights: {@code Σ_w l2·sum(square(w))}, the sum of the
 * per-weight penalties Keras adds to the loss (over trainable weights only, as Keras' {@code
 * model.losses}).
 */
public final class L2Penalty {
  private final float l2;
  private final Set<WeightGroup> exclude;

  public L2Penalty(double l2, List<WeightGroup> exclude) {
    this.l2 = (float) l2;
    this.exclude = Set.copyOf(exclude);
  }

  /** The weights the penalty covers: the trainable ones outside the excluded groups. */
  public List<ModelVariable> covered(List<ModelVariable> trainable) {
    return trainable.stream().filter(v -> !WeightGroup.any(exclude, v)).toList();
  }

  /**
   * The penalty over the weights of {@code trainable} it covers (0 if none), read through {@link
   * ModelVariable#value()} so that its gradient reaches them.
   */
  public Operand<TFloat32> build(Ops tf, List<ModelVariable> trainable) {
    List<Operand<TFloat32>> terms = new ArrayList<>();
    Operand<TFloat32> factor = tf.constant(l2);
    for (ModelVariable v : covered(trainable)) {
      Operand<TFloat32> flat = tf.reshape(tf.math.square(v.value()), tf.constant(new long[] {-1}));
      terms.add(tf.math.mul(factor, tf.sum(flat, tf.constant(0))));
    }
    if (terms.isEmpty()) {
      return tf.constant(0f);
    }
    return terms.size() == 1 ? terms.get(0) : tf.math.addN(terms);
  }
}
