package org.tfseg.model;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The network to train; one-of on {@code "architecture"}. To add an architecture: a record
 * implementing this interface (named by {@code @JsonTypeName}, with a {@code batch_norm} component)
 * and one entry in {@code permits}. The built {@link SegmentationModel} owns the facts (outputs,
 * size multiple, input channels, pretrained weights) that validation and the task ask for.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "architecture")
public sealed interface ModelConfig permits UNetConfig, EncoderUNetConfig, BasNetConfig {
  /** The architecture; builds no graph (that is {@link SegmentationModel#build}). */
  SegmentationModel build();

  /** The model's BatchNorm settings (every layer's default when all absent). */
  BatchNormConfig batchNorm();

  /** {@link #build()} with {@link #batchNorm()} applied: what training and inference use. */
  default SegmentationModel create() {
    BatchNormConfig bn = batchNorm();
    return bn.momentum() == null && bn.epsilon() == null ? build() : new WithBatchNorm(build(), bn);
  }
}
