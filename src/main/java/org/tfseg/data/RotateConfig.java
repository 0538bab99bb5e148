package org.tfseg.data;

import org.tfseg.config.Check;

/**
 * Albumentations' {@code Rotate(limit)}: with probability {@code p}, image and mask rotate about
 * the centre by {@code U(−limit, limit)} degrees.
 *
 * @param limit the largest angle in degrees (default 15, in [0, 180])
 * @param p probability of applying it (default 0.5, in [0, 1])
 * @param fillMode what fills the corners (default constant)
 */
public record RotateConfig(Double limit, Double p, Augmentation.FillMode fillMode) {
  public RotateConfig {
    limit = Check.orDefault(limit, 15.0);
    p = Check.orDefault(p, 0.5);
    fillMode = Check.orDefault(fillMode, Augmentation.FillMode.CONSTANT);
    Check.inRange(limit, 0, 180, "limit");
    Check.inRange(p, 0, 1, "p");
  }

  Augmentation.Rotate build() {
    return new Augmentation.Rotate(limit, p, fillMode);
  }
}
