package org.tfseg.config;

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
})
public sealed interface ModelConfig permits UNetConfig, EncoderUNetConfig {}
