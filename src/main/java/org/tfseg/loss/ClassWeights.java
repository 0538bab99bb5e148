package org.tfseg.loss;

import java.util.List;
import org.tfseg.UserError;
import org.tfseg.config.InvalidConfigException;

/** The {@code class_weights} key of the losses: validation and conversion. */
public final class ClassWeights {
  private ClassWeights() {}

  /**
   * Checks a weight list: each >= 0, at least one > 0, and {@code size} entries when {@code size} >
   * 0; returns it as an array, or null for null.
   */
  public static double[] of(List<Double> weights, int size, String key) {
    if (weights == null) {
      return null;
    }
    if (weights.isEmpty() || (size > 0 && weights.size() != size)) {
      throw new InvalidConfigException(
          key,
          (size > 0 ? "expected " + size + " weights" : "must not be empty")
              + ", got "
              + weights.size());
    }
    double[] w = new double[weights.size()];
    boolean positive = false;
    for (int i = 0; i < w.length; i++) {
      Double v = weights.get(i);
      if (v == null || !(v >= 0) || v.isInfinite()) {
        throw new InvalidConfigException(
            key + "[" + i + "]", "must be a finite number >= 0, got " + v);
      }
      w[i] = v;
      positive |= v > 0;
    }
    if (!positive) {
      throw new InvalidConfigException(key, "at least one weight must be > 0");
    }
    return w;
  }

  /** The cross-field check: one weight per model class. */
  public static void checkClasses(List<Double> weights, int classes, String key) {
    if (weights != null && classes == 1) {
      throw new InvalidConfigException(
          key, "needs a multi-class model (num_classes >= 2); this model has one sigmoid output");
    }
    if (weights != null && weights.size() != classes) {
      throw new InvalidConfigException(
          key, weights.size() + " weight(s) for a model with " + classes + " classes");
    }
  }

  /** The graph-time check, for losses built without an experiment. */
  static void requireCount(double[] weights, long classes, String what) {
    if (weights != null && weights.length != classes) {
      throw new UserError(
          what + " has " + weights.length + " class weights for a model with " + classes);
    }
  }
}
