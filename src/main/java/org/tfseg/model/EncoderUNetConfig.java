package org.tfseg.model;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.nio.file.Path;
import org.tfseg.config.Check;
import org.tfseg.model.decoder.DecoderConfig;
import org.tfseg.model.encoder.Encoder;
import org.tfseg.model.encoder.EncoderConfig;
import org.tfseg.model.encoder.EncoderRegistry;

/**
 * A U-Net on a pretrained backbone ({@code "architecture": "encoder_unet"}), SMP's encoder +
 * decoder + head: seeds 001 (resnet50 + atrous), 002 (mobilenet_v2 + transpose) and 003
 * (mobilenet_v2 + pix2pix).
 *
 * @param encoder the backbone (required)
 * @param decoder the decoder (required)
 * @param numClasses output channels: 1 = binary mask (sigmoid), C = C-class softmax (default 1)
 * @param batchNorm BatchNorm momentum and epsilon (default: every layer's Keras default)
 */
@JsonTypeName("encoder_unet")
public record EncoderUNetConfig(
    EncoderConfig encoder, DecoderConfig decoder, Integer numClasses, BatchNormConfig batchNorm)
    implements ModelConfig {
  /** Variable-name prefix of every encoder weight (what Keras weight files are imported into). */
  public static final String ENCODER_SCOPE = "encoder";

  public EncoderUNetConfig {
    batchNorm = Check.orDefault(batchNorm, BatchNormConfig.defaults());
    Check.required(encoder, "encoder");
    Check.required(decoder, "decoder");
    numClasses = Check.orDefault(numClasses, 1);
    Check.atLeast(numClasses, 1, "num_classes");
  }

  @Override
  public SegmentationModel build() {
    Encoder backbone = EncoderRegistry.create(encoder.name(), ENCODER_SCOPE);
    return new EncoderUNet(
        backbone,
        decoder.build(),
        numClasses,
        encoder.trainable(),
        encoder.weights() == null
            ? null
            : new PretrainedWeights(ENCODER_SCOPE, Path.of(encoder.weights()), encoder.match()));
  }
}
