package org.tfseg.optim;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The optimizer, with Keras defaults; one-of on {@code "type"}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = AdamConfig.class, name = "adam"),
  @JsonSubTypes.Type(value = RmsPropConfig.class, name = "rmsprop"),
  @JsonSubTypes.Type(value = SgdConfig.class, name = "sgd"),
})
public sealed interface OptimizerConfig permits AdamConfig, RmsPropConfig, SgdConfig {
  /** The initial learning rate (> 0). */
  Double learningRate();
}
