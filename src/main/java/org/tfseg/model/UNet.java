package org.tfseg.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.ConvSpec;
import org.tfseg.graph.Layers;

/**
 * The U-Net of seed 000: {@code depth} encoder blocks of 2×(3×3 conv + BN + ReLU) with filters
 * {@code base·2^i}, each followed by 2×2 max pooling (its pre-pool output is the skip); a
 * bottleneck block of {@code base·2^depth}; decoder blocks of bilinear 2× upsampling, concat with
 * the skip and a conv block, filters halving back to {@code base}; a 1×1 conv head giving logits.
 * With base 64, depth 4 at 256×256×3: 31,402,497 parameters (11,776 non-trainable).
 */
public final class UNet implements SegmentationModel {
  private final int baseFilters;
  private final int depth;
  private final int numClasses;
  private final int inputChannels;

  /** An RGB U-Net. */
  public UNet(int baseFilters, int depth, int numClasses) {
    this(baseFilters, depth, numClasses, 3);
  }

  public UNet(int baseFilters, int depth, int numClasses, int inputChannels) {
    this.baseFilters = baseFilters;
    this.depth = depth;
    this.numClasses = numClasses;
    this.inputChannels = inputChannels;
  }

  @Override
  public String architecture() {
    return "unet";
  }

  @Override
  public int numClasses() {
    return numClasses;
  }

  /**
   * Each level halves the size (2×2 max pool) and the decoder doubles it back for the skip concat.
   */
  @Override
  public int sizeMultiple() {
    return 1 << depth;
  }

  @Override
  public int inputChannels() {
    return inputChannels;
  }

  @Override
  public List<Operand<TFloat32>> build(Layers l, Operand<TFloat32> images) {
    l.record("input", "InputLayer", images, l.store().parameterCount());
    List<Operand<TFloat32>> skips = new ArrayList<>();
    Operand<TFloat32> x = images;
    for (int i = 0; i < depth; i++) {
      x = convBlock(l, "enc" + (i + 1), x, baseFilters << i);
      skips.add(x);
      x = l.maxPool("enc" + (i + 1) + "/pool", x, 2);
    }
    x = convBlock(l, "bottleneck", x, baseFilters << depth);
    for (int i = depth - 1; i >= 0; i--) {
      String name = "dec" + (i + 1);
      x = l.upsampleBilinear(name + "/up", x, 2);
      x = l.concat(name + "/concat", List.of(x, skips.get(i)));
      x = convBlock(l, name, x, baseFilters << i);
    }
    return List.of(l.conv2d("head", x, ConvSpec.of(numClasses, 1)));
  }

  /** 2 × (3×3 conv + BatchNorm + ReLU), the seed's {@code convBlock}. */
  static Operand<TFloat32> convBlock(Layers l, String name, Operand<TFloat32> x, int filters) {
    for (int j = 1; j <= 2; j++) {
      x = l.conv2d(name + "/conv" + j, x, ConvSpec.of(filters, 3));
      x = l.batchNorm(name + "/bn" + j, x);
      x = l.relu(name + "/relu" + j, x);
    }
    return x;
  }
}
