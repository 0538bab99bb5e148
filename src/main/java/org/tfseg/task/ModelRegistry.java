package org.tfseg.task;

import org.tfseg.config.BasNetConfig;
import org.tfseg.config.ModelConfig;
import org.tfseg.config.UNetConfig;
import org.tfseg.model.BasNet;
import org.tfseg.model.SegmentationModel;
import org.tfseg.model.UNet;

/** Architecture configs to models (the config's one-of already rejects unknown names). */
public final class ModelRegistry {
  private ModelRegistry() {}

  public static SegmentationModel create(ModelConfig config) {
    if (config instanceof UNetConfig u) {
      return new UNet(u.baseFilters(), u.depth(), u.numClasses());
    }
    if (config instanceof BasNetConfig b) {
      return new BasNet(b.filters(), b.refineFilters(), b.numClasses());
    }
    throw unknown(config);
  }

  public static int inputChannels(ModelConfig config) {
    if (config instanceof UNetConfig u) {
      return u.inputChannels();
    }
    if (config instanceof BasNetConfig) {
      return 3; // the ResNet-34 encoder of the seed takes RGB
    }
    throw unknown(config);
  }

  private static IllegalArgumentException unknown(ModelConfig config) {
    return new IllegalArgumentException("no model registered for " + config.getClass().getSimpleName());
  }
}
