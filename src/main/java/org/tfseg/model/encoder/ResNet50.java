package org.tfseg.model.encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.ConvSpec;
import org.tfseg.graph.Layers;
import org.tfseg.model.ResNetBlocks;

/**
 * Keras {@code ResNet50(include_top=False)} (v1, {@code keras.applications.resnet}) op by op, with
 * its layer names: {@code ZeroPadding2D(3)} + 7×7/2 VALID stem conv, {@code ZeroPadding2D(1)} +
 * 3×3/2 VALID max pool, bottleneck blocks with the stride on the first 1×1 conv, biased convs, BN
 * epsilon 1.001e-5 (momentum 0.99). 23,587,712 weights (23,534,592 trainable).
 *
 * <p>Layers are created in Keras' {@code model.layers} order, which in a projection block puts
 * {@code _0_conv} (shortcut) before {@code _3_conv} and {@code _0_bn} before {@code _3_bn}: weight
 * files are loaded by that order when their names differ.
 */
public final class ResNet50 extends KerasEncoder {
  public static final String NAME = "resnet50";
  public static final String WEIGHTS_FILE = "resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5";
  static final int[] BLOCKS = {3, 4, 6, 3};

  private final int width;

  public ResNet50(String scope) {
    this(scope, 64);
  }

  /**
   * @param width stem and first-stage filters (64 in ResNet-50; smaller only for tests)
   */
  public ResNet50(String scope, int width) {
    super(NAME, scope, Preprocessing.CAFFE);
    this.width = positiveWidth(width);
  }

  @Override
  public Optional<String> weightsFile() {
    return width == 64 ? Optional.of(WEIGHTS_FILE) : Optional.empty();
  }

  @Override
  public List<FeatureSpec> featureSpecs() {
    List<FeatureSpec> specs = new ArrayList<>();
    specs.add(new FeatureSpec("conv1_relu", width, 2));
    for (int s = 0; s < BLOCKS.length; s++) {
      specs.add(
          new FeatureSpec(stage(s) + "_block" + BLOCKS[s] + "_out", 4 * (width << s), 4 << s));
    }
    return specs;
  }

  @Override
  public List<Feature> features(Layers l, Operand<TFloat32> images01) {
    List<Feature> features = new ArrayList<>();
    Tap tap = new Tap(featureSpecs(), features, true);
    Operand<TFloat32> x = preprocessing().apply(l.tf(), images01);
    x = l.zeroPad(n("conv1_pad"), x, 3, 3, 3, 3);
    x =
        l.conv2d(
            n("conv1_conv"), x, ConvSpec.of(width, 7).stride(2).padding(ConvSpec.Padding.VALID));
    x = tap.offer("conv1_relu", l.relu(n("conv1_relu"), bn(l, "conv1_bn", x)));
    x = l.zeroPad(n("pool1_pad"), x, 1, 1, 1, 1);
    x = l.maxPool(n("pool1_pool"), x, 3, 2, ConvSpec.Padding.VALID);
    for (int s = 0; s < BLOCKS.length; s++) {
      for (int b = 1; b <= BLOCKS[s]; b++) {
        String name = stage(s) + "_block" + b;
        int stride = b == 1 && s > 0 ? 2 : 1;
        x = tap.offer(name + "_out", bottleneck(l, name, x, width << s, stride, b == 1));
      }
    }
    return features;
  }

  /** Keras {@code resnet.block1}. */
  private Operand<TFloat32> bottleneck(
      Layers l, String name, Operand<TFloat32> in, int filters, int stride, boolean projection) {
    Operand<TFloat32> x =
        l.conv2d(
            n(name + "_1_conv"),
            in,
            ConvSpec.of(filters, 1).stride(stride).padding(ConvSpec.Padding.VALID));
    x = l.relu(n(name + "_1_relu"), bn(l, name + "_1_bn", x));
    x = l.conv2d(n(name + "_2_conv"), x, ConvSpec.of(filters, 3));
    x = l.relu(n(name + "_2_relu"), bn(l, name + "_2_bn", x));
    Operand<TFloat32> shortcut = in;
    ConvSpec expand = ConvSpec.of(4 * filters, 1).padding(ConvSpec.Padding.VALID);
    if (projection) {
      shortcut = l.conv2d(n(name + "_0_conv"), in, expand.stride(stride));
    }
    x = l.conv2d(n(name + "_3_conv"), x, expand);
    if (projection) {
      shortcut = bn(l, name + "_0_bn", shortcut);
    }
    x = bn(l, name + "_3_bn", x);
    return l.relu(n(name + "_out"), l.add(n(name + "_add"), shortcut, x));
  }

  private static String stage(int s) {
    return "conv" + (s + 2);
  }

  private Operand<TFloat32> bn(Layers l, String name, Operand<TFloat32> x) {
    return l.batchNorm(n(name), x, Layers.BN_MOMENTUM, ResNetBlocks.KERAS_CV_EPSILON);
  }
}
