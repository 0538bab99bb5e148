package org.tfseg.weights;

/** How file weights were paired with model variables: per layer, and for a whole import. */
public enum ImportMode {
  /** {@code <layer>/<leaf>} of the file equals the variable name below the scope. */
  BY_NAME,
  /**
   * The i-th weighted layer of the file to the i-th of the model, weights in order, every shape
   * checked: what Keras itself does with weights-only files, needed when names differ (the
   * converted MobileNetV2 ImageNet file, Keras-1 files).
   */
  BY_POSITION,
  /**
   * A whole import ({@link MatchMode#AUTO}) that paired some layers by name, the others by
   * position.
   */
  BY_NAME_AND_POSITION
}
