package org.tfseg.model.decoder;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The decoder of an {@code encoder_unet}; one-of on {@code "type"}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = TransposeDecoderConfig.class, name = "transpose"),
  @JsonSubTypes.Type(value = Pix2PixDecoderConfig.class, name = "pix2pix"),
  @JsonSubTypes.Type(value = AtrousDecoderConfig.class, name = "atrous"),
})
public sealed interface DecoderConfig permits TransposeDecoderConfig, Pix2PixDecoderConfig, AtrousDecoderConfig {}
