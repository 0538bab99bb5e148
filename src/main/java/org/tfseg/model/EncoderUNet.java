package org.tfseg.model;

import java.util.List;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Layers;
import org.tfseg.model.decoder.Decoder;
import org.tfseg.model.encoder.Encoder;
import org.tfseg.model.encoder.Feature;

/**
 * SMP's anatomy: a (pretrained) encoder, a decoder over its features and the decoder's head. Seeds
 * 001 (ResNet-50 + atrous decoder), 002 (MobileNetV2 + 4×4 transposed-conv decoder) and 003
 * (MobileNetV2 + pix2pix decoder) are instances. A frozen encoder is the store's {@code
 * freeze(encoder scope)}: excluded from the gradients, BatchNorm in inference mode.
 */
public final class EncoderUNet implements SegmentationModel {
  public static final String ARCHITECTURE = "encoder_unet";

  private final Encoder encoder;
  private final Decoder decoder;
  private final int numClasses;
  private final boolean encoderTrainable;
  private final PretrainedWeights pretrained;

  /** An encoder trained from its random initialisation. */
  public EncoderUNet(Encoder encoder, Decoder decoder, int numClasses, boolean encoderTrainable) {
    this(encoder, decoder, numClasses, encoderTrainable, null);
  }

  /**
   * @param pretrained the encoder's Keras weights (imported below {@link Encoder#scope()}), or null
   *     to train it from scratch
   */
  public EncoderUNet(
      Encoder encoder,
      Decoder decoder,
      int numClasses,
      boolean encoderTrainable,
      PretrainedWeights pretrained) {
    this.encoder = encoder;
    this.decoder = decoder;
    this.numClasses = numClasses;
    this.encoderTrainable = encoderTrainable;
    this.pretrained = pretrained;
  }

  public Encoder encoder() {
    return encoder;
  }

  @Override
  public String architecture() {
    return ARCHITECTURE;
  }

  @Override
  public int numClasses() {
    return numClasses;
  }

  /** The decoders mirror the encoder's downsampling: its deepest stride (32 for the backbones). */
  @Override
  public int sizeMultiple() {
    return encoder.featureSpecs().get(encoder.featureSpecs().size() - 1).stride();
  }

  /** ImageNet backbones take RGB. */
  @Override
  public int inputChannels() {
    return 3;
  }

  @Override
  public Optional<PretrainedWeights> pretrained() {
    return Optional.ofNullable(pretrained);
  }

  @Override
  public List<Operand<TFloat32>> build(Layers layers, Operand<TFloat32> images) {
    if (!encoderTrainable) {
      layers.store().freeze(encoder.scope() + "/");
    }
    layers.record("input", "InputLayer", images, layers.store().parameterCount());
    List<Feature> features = encoder.features(layers, images);
    return List.of(decoder.decode(layers, features, numClasses));
  }
}
