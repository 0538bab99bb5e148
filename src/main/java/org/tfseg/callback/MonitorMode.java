package org.tfseg.callback;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Whether a monitored quantity improves when it goes down ({@code min}) or up ({@code max}); {@code
 * auto} infers it from the name as Keras does (accuracy, precision, recall … are maximized).
 */
public enum MonitorMode {
  @JsonProperty("auto")
  AUTO,
  @JsonProperty("min")
  MIN,
  @JsonProperty("max")
  MAX
}
