package org.tfseg.data;

import org.tfseg.config.Check;

/**
 * Albumentations' {@code RandomScale} followed by a centred {@code PadIfNeeded} and a {@code
 * RandomCrop} back to the size it got: with probability {@code p}, image and mask are resized to
 * {@code ⌊H·s⌋ × ⌊W·s⌋}, {@code s = U(1 − scale_limit, 1 + scale_limit)}.
 *
 * @param scaleLimit the largest relative size change (default 0.1, in [0, 0.9])
 * @param p probability of applying it (default 0.5, in [0, 1])
 */
public record RandomScaleConfig(Double scaleLimit, Double p) {
  public RandomScaleConfig {
    scaleLimit = Check.orDefault(scaleLimit, 0.1);
    p = Check.orDefault(p, 0.5);
    Check.inRange(scaleLimit, 0, 0.9, "scale_limit");
    Check.inRange(p, 0, 1, "p");
  }

  Augmentation.Scale build() {
    return new Augmentation.Scale(scaleLimit, p);
  }
}
