package org.tfseg.model;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The network to train; one-of on {@code "architecture"}. To add an architecture: a record
 * implementing this interface (named by {@code @JsonTypeName}) and one entry in {@code permits}.
 * The built {@link SegmentationModel} owns the facts (outputs, size multiple, input channels,
 * pretrained weights) that validation and the task ask for.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "architecture")
public sealed interface ModelConfig permits UNetConfig, EncoderUNetConfig, BasNetConfig {
  /** The architecture; builds no graph (that is {@link SegmentationModel#build}). */
  SegmentationModel build();
}
