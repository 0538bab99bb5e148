package org.tfseg.config;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A data split. */
public enum Split {
  @JsonProperty("train")
  TRAIN,
  @JsonProperty("validation")
  VALIDATION,
  @JsonProperty("test")
  TEST
}
