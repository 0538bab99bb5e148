package org.tfseg.model.encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.ConvSpec;
import org.tfseg.graph.Layers;

/**
 * Keras {@code MobileNetV2(include_top=False)} op by op, with its layer and weight names. Semantics
 * a port can get wrong: stride-2 depthwise convs pad with Keras' {@code correct_pad} ({@code
 * ((0,1),(0,1))} at even sizes, {@code ((1,1),(1,1))} at odd ones) and run VALID, where torchvision
 * pads symmetrically; {@code Conv1} is a stride-2 SAME conv (TF SAME pads the same way); BN epsilon
 * 1e-3, momentum 0.999; ReLU6; a residual add only where the block keeps its stride and width
 * (never block 0). At alpha 1.0: 2,257,984 weights (2,223,872 trainable).
 *
 * <p>{@link #features} stops at {@code block_16_project}, the deepest U-Net skip of the Keras
 * tutorials: the layers after it would get no gradient. {@link #fullModel} builds everything, up to
 * {@code out_relu}.
 */
public final class MobileNetV2 extends KerasEncoder {
  public static final String NAME = "mobilenet_v2";
  public static final String WEIGHTS_FILE =
      "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224_no_top.h5";
  static final float BN_MOMENTUM = 0.999f;
  static final float BN_EPSILON = 1e-3f;

  /**
   * Inverted residual blocks 1…16: {filters, stride} (expansion 6; block 0 is 16, 1, expansion 1).
   */
  private static final int[][] BLOCKS = {
    {24, 2}, {24, 1}, {32, 2}, {32, 1}, {32, 1}, {64, 2}, {64, 1}, {64, 1}, {64, 1}, {96, 1},
    {96, 1}, {96, 1}, {160, 2}, {160, 1}, {160, 1}, {320, 1}
  };

  private static final String[] FEATURES = {
    "block_1_expand_relu",
    "block_3_expand_relu",
    "block_6_expand_relu",
    "block_13_expand_relu",
    "block_16_project"
  };

  private final double alpha;

  /** The ImageNet configuration, alpha 1.0. */
  public MobileNetV2(String scope) {
    this(scope, 1.0);
  }

  /**
   * @param alpha Keras' width multiplier; official weights exist for 0.35 … 1.4 only
   */
  public MobileNetV2(String scope, double alpha) {
    super(NAME, scope, Preprocessing.TF);
    if (!(alpha > 0)) {
      throw new IllegalArgumentException("alpha must be positive");
    }
    this.alpha = alpha;
  }

  @Override
  public Optional<String> weightsFile() {
    return alpha == 1.0 ? Optional.of(WEIGHTS_FILE) : Optional.empty();
  }

  @Override
  public List<FeatureSpec> featureSpecs() {
    int[] out = new int[BLOCKS.length + 1];
    out[0] = pointwise(16);
    for (int i = 0; i < BLOCKS.length; i++) {
      out[i + 1] = pointwise(BLOCKS[i][0]);
    }
    // an expand layer widens its input (the previous block's output) 6×
    return List.of(
        new FeatureSpec(FEATURES[0], 6 * out[0], 2),
        new FeatureSpec(FEATURES[1], 6 * out[2], 4),
        new FeatureSpec(FEATURES[2], 6 * out[5], 8),
        new FeatureSpec(FEATURES[3], 6 * out[12], 16),
        new FeatureSpec(FEATURES[4], out[16], 32));
  }

  @Override
  public List<Feature> features(Layers l, Operand<TFloat32> images01) {
    List<Feature> features = new ArrayList<>();
    build(l, images01, new Tap(featureSpecs(), features, true));
    return features;
  }

  /** The whole Keras model without the top; returns {@code out_relu}. */
  public Operand<TFloat32> fullModel(Layers l, Operand<TFloat32> images01) {
    return build(l, images01, new Tap(featureSpecs(), new ArrayList<>(), false));
  }

  private Operand<TFloat32> build(Layers l, Operand<TFloat32> images01, Tap tap) {
    Operand<TFloat32> x = preprocessing().apply(l.tf(), images01);
    x = l.conv2d(n("Conv1"), x, ConvSpec.of(makeDivisible(32 * alpha), 3).stride(2).noBias());
    x = relu6(l, "Conv1_relu", bn(l, "bn_Conv1", x));
    x = block(l, x, 0, pointwise(16), 1, 1, tap);
    for (int i = 0; i < BLOCKS.length; i++) {
      x = block(l, x, i + 1, pointwise(BLOCKS[i][0]), BLOCKS[i][1], 6, tap);
      if (tap.done()) {
        return x;
      }
    }
    int last = alpha > 1.0 ? makeDivisible(1280 * alpha) : 1280;
    x = l.conv2d(n("Conv_1"), x, ConvSpec.of(last, 1).noBias());
    return relu6(l, "out_relu", bn(l, "Conv_1_bn", x));
  }

  /** Keras {@code _inverted_res_block}. */
  private Operand<TFloat32> block(
      Layers l, Operand<TFloat32> in, int id, int filters, int stride, int expansion, Tap tap) {
    long inChannels = in.shape().get(3);
    String prefix = id == 0 ? "expanded_conv_" : "block_" + id + "_";
    Operand<TFloat32> x = in;
    if (id != 0) {
      x =
          l.conv2d(
              n(prefix + "expand"), x, ConvSpec.of((int) (expansion * inChannels), 1).noBias());
      x =
          tap.offer(
              prefix + "expand_relu",
              relu6(l, prefix + "expand_relu", bn(l, prefix + "expand_BN", x)));
    }
    ConvSpec.Padding padding = ConvSpec.Padding.SAME;
    if (stride == 2) {
      x = correctPad(l, n(prefix + "pad"), x);
      padding = ConvSpec.Padding.VALID;
    }
    x = l.depthwiseConv(n(prefix + "depthwise"), x, 3, stride, padding, 1, false);
    x = relu6(l, prefix + "depthwise_relu", bn(l, prefix + "depthwise_BN", x));
    x =
        tap.offer(
            prefix + "project",
            l.conv2d(n(prefix + "project"), x, ConvSpec.of(filters, 1).noBias()));
    if (tap.done()) {
      return x;
    }
    x = bn(l, prefix + "project_BN", x);
    if (inChannels == filters && stride == 1) {
      x = l.add(n(prefix + "add"), in, x);
    }
    return x;
  }

  /** Keras {@code imagenet_utils.correct_pad(x, 3)}: one pixel less before on even sizes. */
  static Operand<TFloat32> correctPad(Layers l, String name, Operand<TFloat32> x) {
    long h = x.shape().get(1);
    long w = x.shape().get(2);
    if (h < 0 || w < 0) {
      throw new IllegalArgumentException(
          "MobileNetV2 needs a static input size (Keras pads by it)");
    }
    int top = h % 2 == 0 ? 0 : 1;
    int left = w % 2 == 0 ? 0 : 1;
    return l.zeroPad(name, x, top, 1, left, 1);
  }

  private int pointwise(int filters) {
    return makeDivisible((int) (filters * alpha));
  }

  /** Keras {@code _make_divisible(v, 8)}: nearest multiple of 8, never 10 % below {@code v}. */
  static int makeDivisible(double v) {
    int divisor = 8;
    int rounded = Math.max(divisor, (int) (v + divisor / 2.0) / divisor * divisor);
    return rounded < 0.9 * v ? rounded + divisor : rounded;
  }

  private Operand<TFloat32> bn(Layers l, String name, Operand<TFloat32> x) {
    return l.batchNorm(n(name), x, BN_MOMENTUM, BN_EPSILON);
  }

  private Operand<TFloat32> relu6(Layers l, String name, Operand<TFloat32> x) {
    return l.relu6(n(name), x);
  }
}
