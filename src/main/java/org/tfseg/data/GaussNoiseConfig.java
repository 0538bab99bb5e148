package org.tfseg.data;

import java.util.List;
import org.tfseg.config.Check;

/**
 * Albumentations' {@code GaussNoise(std_range, mean_range=(0, 0), per_channel=True)} on the [0, 1]
 * image: with probability {@code p}, {@code clip(x + N(0, σ²), 0, 1)} drawn per pixel and channel,
 * {@code σ = U(std_range)} per image. Image only.
 *
 * @param stdRange {@code [low, high]} range of the noise σ (default [0.01, 0.05], within [0, 1])
 * @param p probability of applying it (default 0.5, in [0, 1])
 */
public record GaussNoiseConfig(List<Double> stdRange, Double p) {
  public GaussNoiseConfig {
    stdRange = List.copyOf(Check.orDefault(stdRange, List.of(0.01, 0.05)));
    p = Check.orDefault(p, 0.5);
    Ranges.check(stdRange, 0, 1, "std_range");
    Check.inRange(p, 0, 1, "p");
  }

  Augmentation.GaussNoise build() {
    return new Augmentation.GaussNoise(stdRange.get(0), stdRange.get(1), p);
  }
}
