package org.tfseg.model;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.tfseg.config.Check;

/**
 * A U-Net ({@code "architecture": "unet"}).
 *
 * @param baseFilters filters of the first encoder stage, doubled at each level (1..1024, default
 *     64)
 * @param depth number of down-sampling levels (1..6, default 4)
 * @param numClasses output channels; 1 means a binary mask with a sigmoid (>= 1, default 1)
 * @param inputChannels channels of the input image (1..4, default 3)
 * @param batchNorm BatchNorm momentum and epsilon (default: every layer's Keras default)
 */
@JsonTypeName("unet")
public record UNetConfig(
    Integer baseFilters,
    Integer depth,
    Integer numClasses,
    Integer inputChannels,
    BatchNormConfig batchNorm)
    implements ModelConfig {
  public UNetConfig {
    batchNorm = Check.orDefault(batchNorm, BatchNormConfig.defaults());
    baseFilters = Check.orDefault(baseFilters, 64);
    depth = Check.orDefault(depth, 4);
    numClasses = Check.orDefault(numClasses, 1);
    inputChannels = Check.orDefault(inputChannels, 3);
    Check.inRange(baseFilters, 1, 1024, "base_filters");
    Check.inRange(depth, 1, 6, "depth");
    Check.atLeast(numClasses, 1, "num_classes");
    Check.inRange(inputChannels, 1, 4, "input_channels");
  }

  @Override
  public SegmentationModel build() {
    return new UNet(baseFilters, depth, numClasses, inputChannels);
  }
}
