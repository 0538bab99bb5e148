package org.tfseg.model.decoder;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The decoder of an {@code encoder_unet}; one-of on {@code "type"}. To add one: a record
 * implementing this interface (named by {@code @JsonTypeName}) and one entry in {@code permits}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public sealed interface DecoderConfig
    permits TransposeDecoderConfig, Pix2PixDecoderConfig, AtrousDecoderConfig {
  Decoder build();
}
