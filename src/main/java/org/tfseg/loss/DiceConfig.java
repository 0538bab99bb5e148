package org.tfseg.loss;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.tfseg.config.Check;

/**
 * Smooth Dice loss on the sigmoid output ({@code "type": "dice"}), binary models.
 *
 * @param smooth added to numerator and denominator of the Dice ratio (default 1, >= 0)
 */
@JsonTypeName("dice")
public record DiceConfig(Double smooth) implements LossConfig {
  public DiceConfig {
    smooth = Check.orDefault(smooth, 1.0);
    Check.atLeast(smooth, 0, "smooth");
  }

  @Override
  public Loss build() {
    return new Dice(smooth);
  }
}
