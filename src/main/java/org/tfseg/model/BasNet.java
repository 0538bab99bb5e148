package org.tfseg.model;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.ConvSpec;
import org.tfseg.graph.Layers;

/**
 * BASNet (Qin et al., CVPR 2019) as the Keras example of seed 004 builds it.
 *
 * <p>Prediction module: a 3×3 input conv ({@code filters}); ResNet-34 stages 1–4 (3, 4, 6, 3 basic
 * blocks of {@code filters·1, 2, 4, 8} channels, strides 1, 2, 2, 2, no stem conv or pool); two
 * extra stages of 2×2 max pooling + 3 basic blocks of {@code filters·8}; a bridge of 3 × (3×3 conv
 * dilation 2 + BN + ReLU); six decoder stages of bilinear 2× resizing (not for the first), concat
 * [encoder stage, x] and 3 × (3×3 conv + BN + ReLU), all {@code filters·8} wide. Seven side outputs
 * (3×3 conv to {@code numClasses}, bilinear resize to the input size) come from the decoder stages,
 * shallowest first, then the bridge. As in the seed, the skips of stages 1–4 are the last residual
 * sums before their ReLU (the keras_cv sub-models end at {@code _add}); those of stages 5–6 are
 * after it.
 *
 * <p>Residual refinement module on the first side output: 3×3 conv ({@code refineFilters}), 4 ×
 * (conv block, 2×2 max pool), a conv block, 4 × (2× resize, concat, conv block), a 3×3 conv to
 * {@code numClasses} added to the coarse map.
 *
 * <p>Returns 8 logits maps (the seed applies sigmoid; here the head/loss does), each at the input
 * size: the refined map first, then the 7 side outputs. Defaults reproduce the seed: at 288×288×3,
 * 108,886,792 parameters (51,840 non-trainable).
 */
public final class BasNet implements SegmentationModel {
  /** Blocks per ResNet-34 stage. */
  public static final int[] RESNET34_BLOCKS = {3, 4, 6, 3};

  /** Number of logits maps returned. */
  public static final int OUTPUTS = 8;

  /** Input height and width must be multiples of this: the encoder halves them five times. */
  public static final int SIZE_MULTIPLE = 32;

  private static final int EXTRA_STAGES = 2;
  private static final int EXTRA_STAGE_BLOCKS = 3;
  private static final int CONV_BLOCKS_PER_STAGE = 3;
  private static final int BRIDGE_DILATION = 2;
  private static final int REFINE_LEVELS = 4;

  private final int filters;
  private final int refineFilters;
  private final int numClasses;

  /** The seed's configuration: 64 base filters, 64-channel refinement, one class. */
  public BasNet() {
    this(64, 64, 1);
  }

  /**
   * @param filters base width: encoder stages use {@code filters·1, 2, 4, 8}, the extra stages,
   *     bridge and decoder {@code filters·8}
   * @param refineFilters width of the residual refinement module
   */
  public BasNet(int filters, int refineFilters, int numClasses) {
    if (filters < 1 || refineFilters < 1 || numClasses < 1) {
      throw new IllegalArgumentException("filters, refineFilters and numClasses must be positive");
    }
    this.filters = filters;
    this.refineFilters = refineFilters;
    this.numClasses = numClasses;
  }

  @Override
  public String architecture() {
    return "basnet";
  }

  @Override
  public int numClasses() {
    return numClasses;
  }

  @Override
  public int outputs() {
    return OUTPUTS;
  }

  @Override
  public int sizeMultiple() {
    return SIZE_MULTIPLE;
  }

  /** The ResNet-34 prediction module of the seed takes RGB. */
  @Override
  public int inputChannels() {
    return 3;
  }

  @Override
  public List<Operand<TFloat32>> build(Layers l, Operand<TFloat32> images) {
    int height = spatial(images, 1);
    int width = spatial(images, 2);
    l.record("input", "InputLayer", images, l.store().parameterCount());

    List<Operand<TFloat32>> encoder = new ArrayList<>();
    Operand<TFloat32> x = l.conv2d("conv_in", images, ConvSpec.of(filters, 3));
    ResNetBlocks resnet = ResNetBlocks.kerasCv();
    for (int i = 0; i < RESNET34_BLOCKS.length; i++) {
      String name = "resnet34_block" + (i + 1);
      x = resnet.basicStage(l, name, x, filters << i, RESNET34_BLOCKS[i], i == 0 ? 1 : 2, false);
      encoder.add(x);
      x = l.relu(name + "/relu", x);
    }
    ResNetBlocks plain = ResNetBlocks.kerasDefaults();
    for (int i = 0; i < EXTRA_STAGES; i++) {
      String name = "stage" + (RESNET34_BLOCKS.length + i + 1);
      x = l.maxPool(name + "/pool", x, 2);
      x = plain.basicStage(l, name, x, filters * 8, EXTRA_STAGE_BLOCKS, 1, true);
      encoder.add(x);
    }

    Operand<TFloat32> bridge = convBlocks(l, "bridge", x, filters * 8, BRIDGE_DILATION);
    List<Operand<TFloat32>> stages = new ArrayList<>();
    x = bridge;
    for (int i = encoder.size() - 1; i >= 0; i--) {
      String name = "decoder" + (i + 1);
      if (i != encoder.size() - 1) {
        x = upsample(l, name + "/up", x);
      }
      x = l.concat(name + "/concat", List.of(encoder.get(i), x));
      x = convBlocks(l, name, x, filters * 8, 1);
      stages.add(0, x);
    }
    stages.add(bridge);

    List<Operand<TFloat32>> sides = new ArrayList<>();
    for (int i = 0; i < stages.size(); i++) {
      String name = "side" + (i + 1);
      Operand<TFloat32> side = l.conv2d(name + "/conv", stages.get(i), ConvSpec.of(numClasses, 3));
      sides.add(l.resizeBilinear(name + "/resize", side, height, width));
    }
    List<Operand<TFloat32>> outputs = new ArrayList<>();
    outputs.add(refine(l, sides.get(0)));
    outputs.addAll(sides);
    return outputs;
  }

  /** The residual refinement module: a small U-shaped net whose output is added to the map. */
  private Operand<TFloat32> refine(Layers l, Operand<TFloat32> coarse) {
    Operand<TFloat32> x = l.conv2d("refine/conv_in", coarse, ConvSpec.of(refineFilters, 3));
    List<Operand<TFloat32>> skips = new ArrayList<>();
    for (int i = 1; i <= REFINE_LEVELS; i++) {
      x = convBlock(l, "refine/enc" + i, x, refineFilters, 1);
      skips.add(x);
      x = l.maxPool("refine/enc" + i + "/pool", x, 2);
    }
    x = convBlock(l, "refine/bridge", x, refineFilters, 1);
    for (int i = REFINE_LEVELS; i >= 1; i--) {
      x = upsample(l, "refine/dec" + i + "/up", x);
      x = l.concat("refine/dec" + i + "/concat", List.of(skips.get(i - 1), x));
      x = convBlock(l, "refine/dec" + i, x, refineFilters, 1);
    }
    Operand<TFloat32> residual = l.conv2d("refine/head", x, ConvSpec.of(numClasses, 3));
    return l.add("refine/add", coarse, residual);
  }

  private static Operand<TFloat32> convBlocks(
      Layers l, String name, Operand<TFloat32> x, int filters, int dilation) {
    for (int j = 1; j <= CONV_BLOCKS_PER_STAGE; j++) {
      x = convBlock(l, name + "/block" + j, x, filters, dilation);
    }
    return x;
  }

  /** The seed's {@code convolution_block}: 3×3 conv (with bias) + BN + ReLU. */
  private static Operand<TFloat32> convBlock(
      Layers l, String name, Operand<TFloat32> x, int filters, int dilation) {
    x = l.conv2d(name + "/conv", x, ConvSpec.of(filters, 3).dilation(dilation));
    x = l.batchNorm(name + "/bn", x);
    return l.relu(name + "/relu", x);
  }

  /** The seed's {@code Resizing(2h, 2w)} (bilinear, half-pixel centres). */
  private static Operand<TFloat32> upsample(Layers l, String name, Operand<TFloat32> x) {
    return l.resizeBilinear(name, x, (int) x.shape().get(1) * 2, (int) x.shape().get(2) * 2);
  }

  private static int spatial(Operand<TFloat32> images, int axis) {
    long size = images.shape().get(axis);
    if (size < 1 || size % SIZE_MULTIPLE != 0) {
      throw new IllegalArgumentException(
          "BASNet needs a static input height and width divisible by "
              + SIZE_MULTIPLE
              + ", got "
              + images.shape());
    }
    return (int) size;
  }
}
