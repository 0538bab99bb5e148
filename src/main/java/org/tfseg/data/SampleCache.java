package org.tfseg.data;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where an input pipeline keeps its decoded, resized samples so that epochs after the first skip
 * reading, decoding and resizing; augmentation still runs every epoch, from the cached pixels.
 */
public enum SampleCache {
  /** Decode every sample every epoch. */
  @JsonProperty("none")
  NONE,
  /** One float tensor of all samples in memory (4·H·W·4 bytes per sample). */
  @JsonProperty("memory")
  MEMORY,
  /** One raw float file per sample under a cache folder of the run; reused when a run resumes. */
  @JsonProperty("file")
  FILE
}
