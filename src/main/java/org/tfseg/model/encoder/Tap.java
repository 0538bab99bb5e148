package org.tfseg.model.encoder;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/**
 * Collects an encoder's features while it is built: each layer output is offered by name, and the
 * ones listed in the specs (in order) become {@link Feature}s.
 */
final class Tap {
  private final List<FeatureSpec> specs;
  private final List<Feature> out;
  private final boolean stopAtLast;

  /**
   * @param stopAtLast whether {@link #done()} turns true once the deepest feature is taken
   */
  Tap(List<FeatureSpec> specs, List<Feature> out, boolean stopAtLast) {
    this.specs = specs;
    this.out = out;
    this.stopAtLast = stopAtLast;
  }

  Operand<TFloat32> offer(String layer, Operand<TFloat32> x) {
    if (out.size() < specs.size() && specs.get(out.size()).name().equals(layer)) {
      FeatureSpec spec = specs.get(out.size());
      if (x.shape().get(3) != spec.channels()) {
        throw new IllegalStateException(
            layer + " has " + x.shape().get(3) + " channels, spec says " + spec.channels());
      }
      out.add(new Feature(spec, x));
    }
    return x;
  }

  /** True when the builder may stop: every feature is taken and no full model is wanted. */
  boolean done() {
    return stopAtLast && out.size() == specs.size();
  }
}
