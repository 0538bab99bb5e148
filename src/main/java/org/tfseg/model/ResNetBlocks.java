package org.tfseg.model;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.ConvSpec;
import org.tfseg.graph.Layers;

/**
 * ResNet v1 basic blocks (ResNet-18/34) as keras_cv's {@code apply_basic_block} builds them: 3×3
 * conv (stride s, no bias) → BN → ReLU → 3×3 conv (no bias) → BN, added to the shortcut, then ReLU.
 * The shortcut is a 1×1 conv (stride s, no bias) + BN when the stride or the channel count changes,
 * the input otherwise (for ResNet-34 that is exactly keras_cv's "first block of every stack but the
 * first"). Layer names follow keras_cv ({@code 1_conv}, {@code 1_bn}, {@code 0_conv}, {@code add},
 * {@code out}, …) under {@code stage/blockN/}.
 *
 * <p>The BatchNorm epsilon differs by origin: keras_cv's ResNet uses 1.001e-5, while hand-built
 * Keras blocks (BASNet's extra encoder stages) use the Keras default 1e-3.
 */
public final class ResNetBlocks {
  /** keras_cv / keras.applications ResNet BatchNorm epsilon. */
  public static final float KERAS_CV_EPSILON = 1.001e-5f;

  private final Float bnEpsilon;

  /**
   * @param bnEpsilon the blocks' BatchNorm epsilon, or null for the tower's default
   */
  public ResNetBlocks(Float bnEpsilon) {
    this.bnEpsilon = bnEpsilon;
  }

  /** Blocks as in keras_cv's ResNet backbones. */
  public static ResNetBlocks kerasCv() {
    return new ResNetBlocks(KERAS_CV_EPSILON);
  }

  /** Blocks built from plain Keras layers ({@code BatchNormalization()} defaults). */
  public static ResNetBlocks kerasDefaults() {
    return new ResNetBlocks(null);
  }

  /** The blocks' own epsilon, or null for the tower's default. */
  public Float bnEpsilon() {
    return bnEpsilon;
  }

  /**
   * One basic block.
   *
   * @param relu whether to apply the final ReLU; false returns the sum (keras_cv's {@code _add}
   *     output), for models that tap a stage before its last activation
   */
  public Operand<TFloat32> basicBlock(
      Layers l, String name, Operand<TFloat32> x, int filters, int stride, boolean relu) {
    long inChannels = x.shape().get(3);
    Operand<TFloat32> shortcut = x;
    if (stride != 1 || inChannels != filters) {
      shortcut = l.conv2d(name + "/0_conv", x, ConvSpec.of(filters, 1).stride(stride).noBias());
      shortcut = bn(l, name + "/0_bn", shortcut);
    }
    Operand<TFloat32> y =
        l.conv2d(name + "/1_conv", x, ConvSpec.of(filters, 3).stride(stride).noBias());
    y = bn(l, name + "/1_bn", y);
    y = l.relu(name + "/1_relu", y);
    y = l.conv2d(name + "/2_conv", y, ConvSpec.of(filters, 3).noBias());
    y = bn(l, name + "/2_bn", y);
    y = l.add(name + "/add", shortcut, y);
    return relu ? l.relu(name + "/out", y) : y;
  }

  /**
   * A stage (keras_cv's "stack"): {@code blocks} basic blocks named {@code name/block1…}, the first
   * with the stride.
   *
   * @param reluLast whether the last block applies its final ReLU (see {@link #basicBlock})
   */
  public Operand<TFloat32> basicStage(
      Layers l,
      String name,
      Operand<TFloat32> x,
      int filters,
      int blocks,
      int stride,
      boolean reluLast) {
    if (blocks < 1) {
      throw new IllegalArgumentException("a stage needs at least one block");
    }
    for (int i = 1; i <= blocks; i++) {
      x =
          basicBlock(
              l, name + "/block" + i, x, filters, i == 1 ? stride : 1, i < blocks || reluLast);
    }
    return x;
  }

  private Operand<TFloat32> bn(Layers l, String name, Operand<TFloat32> x) {
    return bnEpsilon == null
        ? l.batchNorm(name, x)
        : l.batchNorm(name, x, Layers.BN_MOMENTUM, bnEpsilon);
  }
}
