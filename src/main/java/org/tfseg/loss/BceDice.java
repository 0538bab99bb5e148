package org.tfseg.loss;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Seed 001's loss for binary models: {@code bce_weight · BCE + (1 − bce_weight) · Dice_loss}, with
 * {@link BinaryCrossEntropy} and {@link Dice}.
 */
public final class BceDice implements Loss {
  private final double bceWeight;
  private final Dice dice;

  public BceDice(double bceWeight, double smooth) {
    if (!(bceWeight >= 0 && bceWeight <= 1)) {
      throw new IllegalArgumentException("bce_weight must be in [0, 1]");
    }
    this.bceWeight = bceWeight;
    this.dice = new Dice(smooth);
  }

  @Override
  public Operand<TFloat32> build(
      Ops tf, List<Operand<TFloat32>> logits, Operand<TFloat32> targets) {
    org.tfseg.model.OutputChannels.requireBinary(logits.get(0), "loss 'bce_dice'");
    Operand<TFloat32> bce = new BinaryCrossEntropy().build(tf, logits, targets);
    return tf.math.add(
        tf.math.mul(tf.constant((float) bceWeight), bce),
        tf.math.mul(tf.constant((float) (1 - bceWeight)), dice.build(tf, logits, targets)));
  }
}
