package org.tfseg.config;

import java.math.BigDecimal;
import java.util.List;

/** Defaults and range checks used by the config records' compact constructors. */
public final class Check {
  private Check() {}

  public static <T> T orDefault(T value, T fallback) {
    return value == null ? fallback : value;
  }

  public static <T> T required(T value, String key) {
    if (value == null) {
      throw new InvalidConfigException(key, "required key is missing");
    }
    return value;
  }

  public static <T> List<T> listOrEmpty(List<T> value) {
    return value == null ? List.of() : List.copyOf(value);
  }

  public static void atLeast(Number value, double min, String key) {
    if (value != null && value.doubleValue() < min) {
      throw new InvalidConfigException(key, "must be >= " + fmt(min) + ", got " + fmt(value));
    }
  }

  public static void positive(Number value, String key) {
    if (value != null && !(value.doubleValue() > 0)) {
      throw new InvalidConfigException(key, "must be > 0, got " + fmt(value));
    }
  }

  /** Closed range [min, max]. */
  public static void inRange(Number value, double min, double max, String key) {
    if (value != null && !(value.doubleValue() >= min && value.doubleValue() <= max)) {
      throw new InvalidConfigException(
          key, "must be in [" + fmt(min) + ", " + fmt(max) + "], got " + fmt(value));
    }
  }

  /** Half-open range [min, max). */
  public static void inRangeExclusiveMax(Number value, double min, double max, String key) {
    if (value != null && !(value.doubleValue() >= min && value.doubleValue() < max)) {
      throw new InvalidConfigException(
          key, "must be in [" + fmt(min) + ", " + fmt(max) + "), got " + fmt(value));
    }
  }

  /** Open range (min, max). */
  public static void inOpenRange(Number value, double min, double max, String key) {
    if (value != null && !(value.doubleValue() > min && value.doubleValue() < max)) {
      throw new InvalidConfigException(
          key, "must be in (" + fmt(min) + ", " + fmt(max) + "), got " + fmt(value));
    }
  }

  public static void notBlank(String value, String key) {
    if (value != null && value.isBlank()) {
      throw new InvalidConfigException(key, "must not be empty");
    }
  }

  /** Formats a number without exponent or trailing zeros: 1e-7 → 0.0000001, 64.0 → 64. */
  /** A non-empty list of integers >= 1; {@code size} > 0 also fixes its length. */
  public static void positiveList(List<Integer> values, int size, String key) {
    if (values.isEmpty() || (size > 0 && values.size() != size)) {
      throw new InvalidConfigException(
          key,
          (size > 0 ? "expected " + size + " entries" : "must not be empty")
              + ", got "
              + values.size());
    }
    for (int i = 0; i < values.size(); i++) {
      atLeast(values.get(i), 1, key + "[" + i + "]");
    }
  }

  public static String fmt(Number n) {
    if (n instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return d.toString();
    }
    BigDecimal b =
        n instanceof Double || n instanceof Float
            ? BigDecimal.valueOf(n.doubleValue())
            : BigDecimal.valueOf(n.longValue());
    return b.stripTrailingZeros().toPlainString();
  }
}
