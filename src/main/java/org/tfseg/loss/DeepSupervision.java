package org.tfseg.loss;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * One loss applied to every output of a deep-supervision model against the same targets, summed:
 * {@code Σᵢ wᵢ·L([logitsᵢ], targets)}. This is what Keras does when a multi-output model is
 * compiled with a single loss (weights 1).
 */
public final class DeepSupervision implements Loss {
  private final Loss perOutput;
  private final double[] weights;

  /** Every output with weight 1. */
  public DeepSupervision(Loss perOutput) {
    this.perOutput = perOutput;
    this.weights = null;
  }

  /** One weight per output, in the model's output order (primary first). */
  public DeepSupervision(Loss perOutput, double... weights) {
    if (weights.length == 0) {
      throw new IllegalArgumentException("no output weights given");
    }
    this.perOutput = perOutput;
    this.weights = weights.clone();
  }

  public Loss perOutput() {
    return perOutput;
  }

  @Override
  public Operand<TFloat32> build(
      Ops tf, List<Operand<TFloat32>> logits, Operand<TFloat32> targets) {
    if (weights != null && weights.length != logits.size()) {
      throw new IllegalArgumentException(
          weights.length + " output weights for a model with " + logits.size() + " outputs");
    }
    List<Operand<TFloat32>> values = perOutputValues(tf, logits, targets);
    List<Operand<TFloat32>> parts = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      double w = weights == null ? 1.0 : weights[i];
      parts.add(w == 1.0 ? values.get(i) : tf.math.mul(values.get(i), tf.constant((float) w)));
    }
    return parts.size() == 1 ? parts.get(0) : tf.math.addN(parts);
  }

  /**
   * The unweighted loss of each output, in output order: what Keras logs as {@code <output>_loss}
   * for a multi-output model.
   */
  public List<Operand<TFloat32>> perOutputValues(
      Ops tf, List<Operand<TFloat32>> logits, Operand<TFloat32> targets) {
    List<Operand<TFloat32>> values = new ArrayList<>();
    for (Operand<TFloat32> output : logits) {
      values.add(perOutput.build(tf, List.of(output), targets));
    }
    return values;
  }
}
