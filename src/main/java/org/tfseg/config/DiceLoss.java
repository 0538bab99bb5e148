package org.tfseg.config;

/**
 * Smooth Dice loss on the sigmoid output ({@code "type": "dice"}), binary models.
 *
 * @param smooth added to numerator and denominator of the Dice ratio (default 1, >= 0)
 */
public record DiceLoss(Double smooth) implements LossConfig {
  public DiceLoss {
    smooth = Check.orDefault(smooth, 1.0);
    Check.atLeast(smooth, 0, "smooth");
  }
}
