package org.tfseg.loss;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/** A training objective over a model's logits outputs (primary first) and the target masks. */
public interface Loss {
  /** A scalar: the batch mean, as Keras reduces losses. */
  Operand<TFloat32> build(Ops tf, List<Operand<TFloat32>> logits, Operand<TFloat32> targets);
}
