package org.tfseg.viz;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A plot axis: the value range it spans, linear or log10 scale, and the labelled ticks. Ranges of
 * data get a margin (as matplotlib's), so points never sit on the frame.
 */
public final class Axis {
  private static final double MARGIN = 0.06;

  private final double min;
  private final double max;
  private final boolean log;
  private final List<Double> ticks;
  private final List<String> labels;

  private Axis(double min, double max, boolean log, List<Double> ticks, List<String> labels) {
    this.min = min;
    this.max = max;
    this.log = log;
    this.ticks = List.copyOf(ticks);
    this.labels = List.copyOf(labels);
  }

  /** {@code [min, max]} with a tick every {@code step}, labelled with {@code format}. */
  public static Axis fixed(double min, double max, double step, String format) {
    List<Double> ticks = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    int n = (int) Math.round((max - min) / step);
    for (int i = 0; i <= n; i++) {
      double v = min + i * step;
      ticks.add(v);
      labels.add(String.format(Locale.ROOT, format, v));
    }
    return new Axis(min, max, false, ticks, labels);
  }

  /** A linear axis around {@code [lo, hi]} with about five round ticks (1, 2 or 5 × 10ᵏ). */
  public static Axis linear(double lo, double hi) {
    return linear(lo, hi, 0);
  }

  /** A linear axis whose ticks are whole numbers (epochs). */
  public static Axis integers(double lo, double hi) {
    return linear(lo, hi, 1);
  }

  private static Axis linear(double lo, double hi, double minStep) {
    if (!(lo <= hi)) {
      lo = 0;
      hi = 1;
    }
    if (hi - lo < 1e-12 * Math.max(1, Math.abs(hi))) {
      double half = Math.max(minStep / 2, lo == 0 ? 0.5 : Math.abs(lo) * 0.1);
      lo -= half;
      hi += half;
    }
    double span = hi - lo;
    double min = lo - MARGIN * span;
    double max = hi + MARGIN * span;
    double step = Math.max(minStep, niceStep(span / 5));
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    List<Double> ticks = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (long k = (long) Math.ceil(min / step - 1e-9); k * step <= max + 1e-9 * step; k++) {
      double v = k * step;
      ticks.add(v);
      labels.add(String.format(Locale.ROOT, "%." + decimals + "f", v == 0 ? 0.0 : v));
    }
    return new Axis(min, max, false, ticks, labels);
  }

  /**
   * A log10 axis around {@code [lo, hi]} (both positive), at least a decade wide, ticked at powers
   * of ten, and at 2× and 5× them when fewer than three powers fall inside.
   */
  public static Axis log(double lo, double hi) {
    if (!(lo > 0 && lo <= hi)) {
      lo = 0.1;
      hi = 1;
    }
    double a = Math.log10(lo);
    double b = Math.log10(hi);
    if (b - a < 1) {
      double grow = (1 - (b - a)) / 2;
      a -= grow;
      b += grow;
    }
    double min = a - MARGIN * (b - a);
    double max = b + MARGIN * (b - a);
    List<Double> decades = new ArrayList<>();
    for (int k = (int) Math.ceil(min); k <= max; k++) {
      decades.add((double) k);
    }
    double[] steps = decades.size() >= 3 ? new double[] {1} : new double[] {1, 2, 5};
    List<Double> ticks = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (int k = (int) Math.floor(min); k <= Math.ceil(max); k++) {
      for (double m : steps) {
        double v = Math.log10(m) + k;
        if (v >= min && v <= max) {
          ticks.add(Math.pow(10, v));
          labels.add(String.format(Locale.ROOT, "%de%d", (int) m, k));
        }
      }
    }
    return new Axis(Math.pow(10, min), Math.pow(10, max), true, ticks, labels);
  }

  /** 1, 2 or 5 × 10ᵏ, the one nearest {@code raw} (as in Heckbert's nice numbers). */
  private static double niceStep(double raw) {
    double p = Math.pow(10, Math.floor(Math.log10(raw)));
    double f = raw / p;
    return (f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10) * p;
  }

  /** Where {@code v} lies along the axis: 0 at its start, 1 at its end. */
  public double fraction(double v) {
    return log
        ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min))
        : (v - min) / (max - min);
  }

  public double min() {
    return min;
  }

  public double max() {
    return max;
  }

  public boolean isLog() {
    return log;
  }

  public List<Double> ticks() {
    return ticks;
  }

  /** The label of {@code ticks().get(i)}. */
  public String label(int i) {
    return labels.get(i);
  }
}
