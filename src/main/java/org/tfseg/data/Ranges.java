package org.tfseg.data;

import java.util.List;
import org.tfseg.config.Check;
import org.tfseg.config.InvalidConfigException;

/** {@code [low, high]} keys of the augmentation configs. */
final class Ranges {
  private Ranges() {}

  /** Two numbers in {@code [min, max]}, the first at most the second. */
  static void check(List<Double> range, double min, double max, String key) {
    if (range.size() != 2) {
      throw new InvalidConfigException(
          key, "expected [low, high], got " + range.size() + " value(s)");
    }
    Check.required(range.get(0), key + "[0]");
    Check.required(range.get(1), key + "[1]");
    Check.inRange(range.get(0), min, max, key + "[0]");
    Check.inRange(range.get(1), min, max, key + "[1]");
    if (range.get(0) > range.get(1)) {
      throw new InvalidConfigException(
          key,
          "low must be <= high, got ["
              + Check.fmt(range.get(0))
              + ", "
              + Check.fmt(range.get(1))
              + "]");
    }
  }
}
