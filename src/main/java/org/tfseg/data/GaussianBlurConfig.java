package org.tfseg.data;

import java.util.List;
import org.tfseg.config.Check;
import org.tfseg.config.InvalidConfigException;

/**
 * Albumentations' {@code GaussianBlur} with a fixed kernel: with probability {@code p}, a separable
 * Gaussian of {@code σ = U(sigma_limit)} over {@code blur_limit} taps (OpenCV's kernel, borders
 * reflected as {@code BORDER_REFLECT_101}). Image only.
 *
 * @param blurLimit kernel size (default 7, odd, 3..15)
 * @param sigmaLimit {@code [low, high]} range of σ in pixels (default [0.5, 2], 0 < low <= high <=
 *     10)
 * @param p probability of applying it (default 0.5, in [0, 1])
 */
public record GaussianBlurConfig(Integer blurLimit, List<Double> sigmaLimit, Double p) {
  public GaussianBlurConfig {
    blurLimit = Check.orDefault(blurLimit, 7);
    sigmaLimit = List.copyOf(Check.orDefault(sigmaLimit, List.of(0.5, 2.0)));
    p = Check.orDefault(p, 0.5);
    Check.inRange(blurLimit, 3, 15, "blur_limit");
    if (blurLimit % 2 == 0) {
      throw new InvalidConfigException("blur_limit", "must be odd, got " + blurLimit);
    }
    Ranges.check(sigmaLimit, 0, 10, "sigma_limit");
    if (!(sigmaLimit.get(0) > 0)) {
      throw new InvalidConfigException("sigma_limit[0]", "must be > 0, got " + sigmaLimit.get(0));
    }
    Check.inRange(p, 0, 1, "p");
  }

  Augmentation.GaussianBlur build() {
    return new Augmentation.GaussianBlur(blurLimit, sigmaLimit.get(0), sigmaLimit.get(1), p);
  }
}
