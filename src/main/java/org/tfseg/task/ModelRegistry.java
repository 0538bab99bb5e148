package org.tfseg.task;

import org.tfseg.config.ModelConfig;
import org.tfseg.config.UNetConfig;
import org.tfseg.model.SegmentationModel;
import org.tfseg.model.UNet;

/** Architecture configs to models (the config's one-of already rejects unknown names). */
public final class ModelRegistry {
  private ModelRegistry() {}

  public static SegmentationModel create(ModelConfig config) {
    return switch (config) {
      case UNetConfig u -> new UNet(u.baseFilters(), u.depth(), u.numClasses());
    };
  }

  public static int inputChannels(ModelConfig config) {
    return switch (config) {
      case UNetConfig u -> u.inputChannels();
    };
  }
}
