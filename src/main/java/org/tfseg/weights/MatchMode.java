package org.tfseg.weights;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;

/**
 * How an import pairs the layers of a Keras file with the model's: JSON {@code "name"}, {@code
 * "position"} or {@code "auto"}. A model layer's name below the encoder scope is looked up among
 * the file's layers; by position, the i-th model layer that has weights takes the file's i-th
 * weighted layer, every shape checked (what Keras itself does with weights-only files).
 */
public enum MatchMode {
  /** Only by name: a model layer whose name the file lacks is refused, named in the error. */
  @JsonProperty("name")
  NAME,
  /** Only by position, names ignored. */
  @JsonProperty("position")
  POSITION,
  /**
   * By name, then by position for the layers whose names the file lacks (each takes the file layer
   * at its own position, if no layer took that one by name); the report lists them.
   */
  @JsonProperty("auto")
  AUTO;

  /** The JSON name, e.g. {@code auto}. */
  public String jsonName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
