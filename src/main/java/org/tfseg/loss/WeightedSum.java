package org.tfseg.loss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * {@code Σ wᵢ·Lᵢ(logits, targets)}: several objectives on the same outputs, e.g. BCE + SSIM + IoU.
 */
public final class WeightedSum implements Loss {
  public record Term(Loss loss, double weight) {}

  private final List<Term> terms;

  public WeightedSum(List<Term> terms) {
    if (terms.isEmpty()) {
      throw new IllegalArgumentException("a weighted sum needs at least one term");
    }
    this.terms = List.copyOf(terms);
  }

  /** Every loss with weight 1. */
  public static WeightedSum of(Loss... losses) {
    return new WeightedSum(Arrays.stream(losses).map(l -> new Term(l, 1.0)).toList());
  }

  public List<Term> terms() {
    return terms;
  }

  @Override
  public Operand<TFloat32> build(
      Ops tf, List<Operand<TFloat32>> logits, Operand<TFloat32> targets) {
    List<Operand<TFloat32>> parts = new ArrayList<>();
    for (Term term : terms) {
      Operand<TFloat32> value = term.loss().build(tf, logits, targets);
      parts.add(
          term.weight() == 1.0 ? value : tf.math.mul(value, tf.constant((float) term.weight())));
    }
    return parts.size() == 1 ? parts.get(0) : tf.math.addN(parts);
  }
}
