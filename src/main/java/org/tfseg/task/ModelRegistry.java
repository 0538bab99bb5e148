package org.tfseg.task;

import org.tfseg.model.decoder.AtrousDecoderConfig;
import org.tfseg.model.decoder.DecoderConfig;
import org.tfseg.model.EncoderUNetConfig;
import org.tfseg.model.BasNetConfig;
import org.tfseg.model.ModelConfig;
import org.tfseg.model.decoder.Pix2PixDecoderConfig;
import org.tfseg.model.decoder.TransposeDecoderConfig;
import org.tfseg.model.EncoderUNet;
import org.tfseg.model.decoder.AtrousDecoder;
import org.tfseg.model.decoder.Decoder;
import org.tfseg.model.decoder.TransposeDecoder;
import org.tfseg.model.encoder.EncoderRegistry;
import org.tfseg.model.UNetConfig;
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
    if (config instanceof EncoderUNetConfig e) {
      return new EncoderUNet(EncoderRegistry.create(e.encoder().name(), ENCODER_SCOPE), decoder(e.decoder()),
          e.numClasses(), e.encoder().trainable());
    }
    if (config instanceof BasNetConfig b) {
      return new BasNet(b.filters(), b.refineFilters(), b.numClasses());
    }
    throw unknown(config);
  }

  /** Variable-name prefix of every encoder weight (what Keras weight files are imported into). */
  public static final String ENCODER_SCOPE = "encoder";

  static Decoder decoder(DecoderConfig config) {
    if (config instanceof TransposeDecoderConfig t) {
      return new TransposeDecoder(t.kernelSize(), t.dropout(), ints(t.filters()));
    }
    if (config instanceof Pix2PixDecoderConfig p) {
      return new TransposeDecoder(3, p.dropout(), ints(p.filters()));
    }
    if (config instanceof AtrousDecoderConfig a) {
      return new AtrousDecoder(a.bridgeFilters(), ints(a.stageFilters()), ints(a.rates()), ints(a.kernelSizes()));
    }
    throw new IllegalArgumentException("no decoder registered for " + config);
  }

  private static int[] ints(java.util.List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }

  public static int inputChannels(ModelConfig config) {
    if (config instanceof UNetConfig u) {
      return u.inputChannels();
    }
    if (config instanceof EncoderUNetConfig) {
      return 3; // ImageNet backbones take RGB
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
