package org.tfseg.data;

import org.tfseg.config.Check;

/**
 * Albumentations' {@code RandomBrightnessContrast} on [0, 1] images (brightness_by_max): with
 * probability {@code p}, {@code clip(α·x + β, 0, 1)} with {@code α = 1 + U(−contrastLimit,
 * contrastLimit)} and {@code β = U(−brightnessLimit, brightnessLimit)}. Image only.
 *
 * @param brightnessLimit maximum brightness shift (default 0.2, in [0, 1])
 * @param contrastLimit maximum contrast change (default 0.2, in [0, 1])
 * @param p probability of applying it to a sample (default 0.5, in [0, 1])
 */
public record BrightnessContrastConfig(Double brightnessLimit, Double contrastLimit, Double p) {
  public BrightnessContrastConfig {
    brightnessLimit = Check.orDefault(brightnessLimit, 0.2);
    contrastLimit = Check.orDefault(contrastLimit, 0.2);
    p = Check.orDefault(p, 0.5);
    Check.inRange(brightnessLimit, 0, 1, "brightness_limit");
    Check.inRange(contrastLimit, 0, 1, "contrast_limit");
    Check.inRange(p, 0, 1, "p");
  }
}
