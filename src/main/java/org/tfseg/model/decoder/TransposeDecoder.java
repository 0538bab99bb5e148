package org.tfseg.model.decoder;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.ConvSpec;
import org.tfseg.graph.Initializer;
import org.tfseg.graph.Layers;
import org.tfseg.model.encoder.Feature;

/**
 * The decoder of seeds 002 and 003: for each skip, deepest first, an upsample block —
 * Conv2DTranspose(filters, k×k, stride 2, same, no bias, N(0, 0.02) init) + BatchNorm + optional
 * Dropout(0.5) + ReLU — then {@code Concatenate([x, skip])}; finally Conv2DTranspose(classes, 3×3,
 * stride 2, same, with bias) giving logits at the input resolution. Seed 002 uses k = 4 (its {@code
 * create_up_path}); seed 003 uses k = 3 (pix2pix's {@code upsample(filters, 3)}, the TensorFlow
 * segmentation tutorial).
 */
public final class TransposeDecoder implements Decoder {
  /** Keras' {@code tf.random_normal_initializer(0.0, 0.02)} of both seeds. */
  static final Initializer PIX2PIX_INIT = Initializer.randomNormal(0.0, 0.02);

  private final int kernelSize;
  private final boolean dropout;
  private final int[] filters;

  public TransposeDecoder(int kernelSize, boolean dropout, int[] filters) {
    this.kernelSize = kernelSize;
    this.dropout = dropout;
    this.filters = filters.clone();
  }

  /** Filters 512, 256, 128, 64, as both seeds. */
  public static TransposeDecoder seed(int kernelSize, boolean dropout) {
    return new TransposeDecoder(kernelSize, dropout, new int[] {512, 256, 128, 64});
  }

  @Override
  public Operand<TFloat32> decode(Layers l, List<Feature> features, int numClasses) {
    if (features.size() != filters.length + 1) {
      throw new IllegalArgumentException(
          "the transpose decoder needs "
              + (filters.length + 1)
              + " encoder features, got "
              + features.size());
    }
    Operand<TFloat32> x = features.get(features.size() - 1).tensor();
    for (int i = 0; i < filters.length; i++) {
      String name = "decoder/up" + (i + 1);
      x =
          l.convTranspose(
              name + "/conv_transpose",
              x,
              ConvSpec.of(filters[i], kernelSize).stride(2).noBias().kernelInit(PIX2PIX_INIT));
      x = l.batchNorm(name + "/bn", x);
      if (dropout) {
        x = l.dropout(name + "/dropout", x, 0.5);
      }
      x = l.relu(name + "/relu", x);
      Feature skip = features.get(features.size() - 2 - i);
      x = l.concat(name + "/concat", List.of(x, skip.tensor()));
    }
    return l.convTranspose(
        "head/conv_transpose", x, ConvSpec.of(numClasses, 3).stride(2).kernelInit(PIX2PIX_INIT));
  }
}
