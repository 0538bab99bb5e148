package org.tfseg.model.encoder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.ConvSpec;
import org.tfseg.graph.Layers;
import org.tfseg.model.BasNet;
import org.tfseg.model.ResNetBlocks;

/**
 * ResNet-34 as keras_cv's {@code ResNet34Backbone} builds it: a 7×7/2 SAME stem conv without bias,
 * BN (epsilon 1.001e-5), ReLU, 3×3/2 SAME max pool, then the four basic-block stages of {@link
 * ResNetBlocks}. 21,301,696 weights, of which 21,284,672 trainable (torchvision's count without the
 * classifier). Keras publishes no ImageNet weights for it, so none are expected; its inputs are the
 * [0, 1] images (keras_cv's own rescaling layer makes the same range).
 */
public final class ResNet34 extends KerasEncoder {
  public static final String NAME = "resnet34";

  private final int width;

  public ResNet34(String scope) {
    this(scope, 64);
  }

  /**
   * @param width stem and first-stage filters (64 in ResNet-34)
   */
  public ResNet34(String scope, int width) {
    super(NAME, scope, Preprocessing.NONE);
    this.width = positiveWidth(width);
  }

  @Override
  public Optional<String> weightsFile() {
    return Optional.empty();
  }

  @Override
  public List<FeatureSpec> featureSpecs() {
    List<FeatureSpec> specs = new ArrayList<>();
    specs.add(new FeatureSpec("conv1_relu", width, 2));
    for (int s = 0; s < BasNet.RESNET34_BLOCKS.length; s++) {
      specs.add(new FeatureSpec(stage(s), width << s, 4 << s));
    }
    return specs;
  }

  @Override
  public List<Feature> features(Layers l, Operand<TFloat32> images01) {
    List<Feature> features = new ArrayList<>();
    Tap tap = new Tap(featureSpecs(), features, true);
    ResNetBlocks blocks = ResNetBlocks.kerasCv();
    Operand<TFloat32> x = preprocessing().apply(l.tf(), images01);
    x = l.conv2d(n("conv1_conv"), x, ConvSpec.of(width, 7).stride(2).noBias());
    x = l.batchNorm(n("conv1_bn"), x, Layers.BN_MOMENTUM, blocks.bnEpsilon());
    x = tap.offer("conv1_relu", l.relu(n("conv1_relu"), x));
    x = l.maxPool(n("pool1_pool"), x, 3, 2, ConvSpec.Padding.SAME);
    for (int s = 0; s < BasNet.RESNET34_BLOCKS.length; s++) {
      x =
          blocks.basicStage(
              l, n(stage(s)), x, width << s, BasNet.RESNET34_BLOCKS[s], s == 0 ? 1 : 2, true);
      x = tap.offer(stage(s), x);
    }
    return features;
  }

  private static String stage(int s) {
    return "conv" + (s + 2);
  }
}
