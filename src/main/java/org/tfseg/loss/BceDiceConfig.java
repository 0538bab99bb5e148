package org.tfseg.loss;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.tfseg.config.Check;

/**
 * {@code bce_weight · BCE + (1 − bce_weight) · Dice loss} ({@code "type": "bce_dice"}), binary
 * models.
 *
 * @param bceWeight weight of the binary cross-entropy (default 0.5, in [0, 1])
 * @param smooth smoothing of the Dice term (default 1, >= 0)
 */
@JsonTypeName("bce_dice")
public record BceDiceConfig(Double bceWeight, Double smooth) implements LossConfig {
  public BceDiceConfig {
    bceWeight = Check.orDefault(bceWeight, 0.5);
    smooth = Check.orDefault(smooth, 1.0);
    Check.inRange(bceWeight, 0, 1, "bce_weight");
    Check.atLeast(smooth, 0, "smooth");
  }

  @Override
  public Loss build() {
    return new BceDice(bceWeight, smooth);
  }
}
