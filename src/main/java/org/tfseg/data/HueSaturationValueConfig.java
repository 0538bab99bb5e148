package org.tfseg.data;

import org.tfseg.config.Check;

/**
 * Albumentations' {@code HueSaturationValue} on the [0, 1] image (its float path): with probability
 * {@code p}, hue shifted by {@code U(−hue_shift_limit, hue_shift_limit)} degrees around the colour
 * circle, saturation and value by {@code U(−limit, limit)}, clipped to [0, 1]. Image only.
 *
 * @param hueShiftLimit largest hue shift in degrees (default 20, in [0, 180])
 * @param satShiftLimit largest saturation shift (default 0.1, in [0, 1])
 * @param valShiftLimit largest value shift (default 0.1, in [0, 1])
 * @param p probability of applying it (default 0.5, in [0, 1])
 */
public record HueSaturationValueConfig(
    Double hueShiftLimit, Double satShiftLimit, Double valShiftLimit, Double p) {
  public HueSaturationValueConfig {
    hueShiftLimit = Check.orDefault(hueShiftLimit, 20.0);
    satShiftLimit = Check.orDefault(satShiftLimit, 0.1);
    valShiftLimit = Check.orDefault(valShiftLimit, 0.1);
    p = Check.orDefault(p, 0.5);
    Check.inRange(hueShiftLimit, 0, 180, "hue_shift_limit");
    Check.inRange(satShiftLimit, 0, 1, "sat_shift_limit");
    Check.inRange(valShiftLimit, 0, 1, "val_shift_limit");
    Check.inRange(p, 0, 1, "p");
  }

  Augmentation.HueSaturationValue build() {
    return new Augmentation.HueSaturationValue(hueShiftLimit, satShiftLimit, valShiftLimit, p);
  }
}
