package org.tfseg.weights;

/**
 * A model layer and the file layer whose weights it takes.
 *
 * @param modelLayer the layer's name below the import scope, e.g. {@code Conv1} (its variables are
 *     {@code <scope>/Conv1/kernel}, …)
 * @param fileLayer the layer group of the file, e.g. {@code layer_1}
 * @param how {@link ImportMode#BY_NAME} or {@link ImportMode#BY_POSITION}
 */
public record LayerMatch(String modelLayer, String fileLayer, ImportMode how) {
  /** {@code fileLayer→modelLayer}, as the report lists positional matches. */
  @Override
  public String toString() {
    return fileLayer + "→" + modelLayer;
  }
}
