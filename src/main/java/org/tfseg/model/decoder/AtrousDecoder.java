package org.tfseg.model.decoder;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.ConvSpec;
import org.tfseg.graph.Layers;
import org.tfseg.model.encoder.Feature;

/**
 * The decoder of seed 001 (ResNet-50 U-Net with atrous decoder blocks). The seed gives its parts —
 * a bridge, decoder stages with outputs 1024/512/256/64, atrous blocks of parallel branches with
 * dilation rates [1, 6, 12, 18] and kernel sizes [1, 3, 3, 3] merged together, a 1×1 head — but not
 * its code; tfseg fixes them as:
 *
 * <ul>
 *   <li>bridge on the deepest feature: 3×3 conv ({@code bridgeFilters}) + BN + ReLU;
 *   <li>each stage (one per skip, deepest first): bilinear 2× upsampling, concat with the skip,
 *       then an atrous block of {@code out} channels: every branch is a k×k conv with rate r
 *       ({@code out} filters, no bias) + BN + ReLU, the branches are concatenated and merged by a
 *       1×1 conv ({@code out}, no bias) + BN + ReLU;
 *   <li>bilinear 2× upsampling to the input resolution (ResNet's shallowest skip is at stride 2)
 *       and a 1×1 conv head with bias giving logits.
 * </ul>
 *
 * Dilated convs run as space-to-batch convs, whose gradients are correct (see {@code Layers}).
 */
public final class AtrousDecoder implements Decoder {
  private final int bridgeFilters;
  private final int[] stageFilters;
  private final int[] rates;
  private final int[] kernels;

  public AtrousDecoder(int bridgeFilters, int[] stageFilters, int[] rates, int[] kernels) {
    if (rates.length != kernels.length || rates.length == 0) {
      throw new IllegalArgumentException("rates and kernel sizes must pair up");
    }
    this.bridgeFilters = bridgeFilters;
    this.stageFilters = stageFilters.clone();
    this.rates = rates.clone();
    this.kernels = kernels.clone();
  }

  /** Seed 001: bridge 1024, stages 1024/512/256/64, rates [1, 6, 12, 18], kernels [1, 3, 3, 3]. */
  public static AtrousDecoder seed() {
    return new AtrousDecoder(
        1024, new int[] {1024, 512, 256, 64}, new int[] {1, 6, 12, 18}, new int[] {1, 3, 3, 3});
  }

  @Override
  public Operand<TFloat32> decode(Layers l, List<Feature> features, int numClasses) {
    if (features.size() != stageFilters.length + 1) {
      throw new IllegalArgumentException(
          "the atrous decoder needs "
              + (stageFilters.length + 1)
              + " encoder features, got "
              + features.size());
    }
    Operand<TFloat32> x = features.get(features.size() - 1).tensor();
    x = convBnRelu(l, "decoder/bridge", x, ConvSpec.of(bridgeFilters, 3).noBias());
    for (int i = 0; i < stageFilters.length; i++) {
      String name = "decoder/stage" + (i + 1);
      x = l.upsampleBilinear(name + "/up", x, 2);
      x = l.concat(name + "/concat", List.of(x, features.get(features.size() - 2 - i).tensor()));
      x = atrousBlock(l, name + "/atrous", x, stageFilters[i]);
    }
    x = l.upsampleBilinear("head/up", x, features.get(0).stride());
    return l.conv2d("head/conv", x, ConvSpec.of(numClasses, 1));
  }

  private Operand<TFloat32> atrousBlock(Layers l, String name, Operand<TFloat32> x, int out) {
    List<Operand<TFloat32>> branches = new ArrayList<>();
    for (int b = 0; b < rates.length; b++) {
      branches.add(
          convBnRelu(
              l,
              name + "/branch" + (b + 1),
              x,
              ConvSpec.of(out, kernels[b]).dilation(rates[b]).noBias()));
    }
    Operand<TFloat32> merged = l.concat(name + "/concat", branches);
    return convBnRelu(l, name + "/merge", merged, ConvSpec.of(out, 1).noBias());
  }

  private static Operand<TFloat32> convBnRelu(
      Layers l, String name, Operand<TFloat32> x, ConvSpec spec) {
    x = l.conv2d(name + "/conv", x, spec);
    x = l.batchNorm(name + "/bn", x);
    return l.relu(name + "/relu", x);
  }
}
