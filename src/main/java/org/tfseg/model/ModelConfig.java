package org.tfseg.model;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The network to train; one-of on {@code "architecture"}. To add an architecture, write a record
 * implementing this interface and register it with one {@code @JsonSubTypes.Type} line.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "architecture")
@JsonSubTypes({
  @JsonSubTypes.Type(value = UNetConfig.class, name = "unet"),
  @JsonSubTypes.Type(value = EncoderUNetConfig.class, name = "encoder_unet"),
  @JsonSubTypes.Type(value = BasNetConfig.class, name = "basnet"),
})
public sealed interface ModelConfig permits UNetConfig, EncoderUNetConfig, BasNetConfig {
  /** Logits maps the model returns (deep-supervision models return more than one). */
  default int outputs() {
    return 1;
  }

  /** Input height and width (and crop sizes) must be multiples of this. */
  default int sizeMultiple() {
    return 1;
  }
}
