package org.tfseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Layers;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.VariableStore;
import org.tfseg.model.decoder.AtrousDecoder;
import org.tfseg.model.decoder.TransposeDecoder;
import org.tfseg.model.encoder.EncoderRegistry;

/**
 * Shapes and parameter counts of seeds 001–003, the expected numbers counted here from the seeds'
 * definitions (not from the implementation): encoder totals as Keras reports them, decoder layers
 * by the conv / transposed-conv / BatchNorm formulas.
 */
class EncoderUNetTest {
  /**
   * Keras MobileNetV2 without top, minus what follows the {@code block_16_project} conv output:
   * block_16_project_BN (320 channels), Conv_1 (1×1, 320→1280, no bias) and Conv_1_bn.
   */
  private static final long MOBILENET_TO_BLOCK16 = 2_257_984L - 4L * 320 - 320L * 1280 - 4L * 1280;

  private static final long MOBILENET_TO_BLOCK16_NON_TRAINABLE = 34_112L - 2L * 320 - 2L * 1280;
  private static final long RESNET50 = 23_587_712L;
  private static final long RESNET50_NON_TRAINABLE = 23_587_712L - 23_534_592L;

  @Test
  void seed002MobileNetV2WithTransposedConvDecoder() {
    // skips 96 (/2), 144 (/4), 192 (/8), 576 (/16); deepest 320 (/32)
    long decoder =
        transpose(4, 320, 512)
            + bn(512)
            + transpose(4, 512 + 576, 256)
            + bn(256)
            + transpose(4, 256 + 192, 128)
            + bn(128)
            + transpose(4, 128 + 144, 64)
            + bn(64)
            + transpose(3, 64 + 96, 3)
            + 3;
    long nonTrainableDecoder = 2L * (512 + 256 + 128 + 64);
    check(
        new EncoderUNet(
            EncoderRegistry.create("mobilenet_v2", "encoder"),
            TransposeDecoder.seed(4, false),
            3,
            false),
        256,
        3,
        MOBILENET_TO_BLOCK16 + decoder,
        MOBILENET_TO_BLOCK16_NON_TRAINABLE + nonTrainableDecoder,
        true);
  }

  @Test
  void seed003MobileNetV2WithPix2PixDecoder() {
    long decoder =
        transpose(3, 320, 512)
            + bn(512)
            + transpose(3, 512 + 576, 256)
            + bn(256)
            + transpose(3, 256 + 192, 128)
            + bn(128)
            + transpose(3, 128 + 144, 64)
            + bn(64)
            + transpose(3, 64 + 96, 3)
            + 3;
    long nonTrainableDecoder = 2L * (512 + 256 + 128 + 64);
    check(
        new EncoderUNet(
            EncoderRegistry.create("mobilenet_v2", "encoder"),
            TransposeDecoder.seed(3, false),
            3,
            false),
        128,
        3,
        MOBILENET_TO_BLOCK16 + decoder,
        MOBILENET_TO_BLOCK16_NON_TRAINABLE + nonTrainableDecoder,
        true);
  }

  @Test
  void seed001ResNet50WithAtrousDecoder() {
    // skips 64 (/2), 256 (/4), 512 (/8), 1024 (/16); deepest 2048 (/32)
    long decoder = conv(3, 2048, 1024, false) + bn(1024);
    int[] outs = {1024, 512, 256, 64};
    int[] skips = {1024, 512, 256, 64};
    int in = 1024;
    long bnNonTrainable = 2L * 1024;
    for (int s = 0; s < 4; s++) {
      int cin = in + skips[s];
      int out = outs[s];
      decoder +=
          conv(1, cin, out, false) + 3 * conv(3, cin, out, false) + 4 * bn(out); // 4 branches
      decoder += conv(1, 4 * out, out, false) + bn(out); // merge
      bnNonTrainable += 2L * 5 * out;
      in = out;
    }
    decoder += conv(1, 64, 1, true);
    check(
        new EncoderUNet(
            EncoderRegistry.create("resnet50", "encoder"), AtrousDecoder.seed(), 1, true),
        512,
        1,
        RESNET50 + decoder,
        RESNET50_NON_TRAINABLE + bnNonTrainable,
        false);
  }

  private static void check(
      EncoderUNet model, int size, int classes, long total, long nonTrainable, boolean frozen) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, 1);
      Operand<TFloat32> x =
          tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, size, size, 3)));
      List<Operand<TFloat32>> out = model.build(new Layers(tf, store, true, null, null), x);
      assertArrayEquals(new long[] {-1, size, size, classes}, out.get(0).shape().asArray());
      assertEquals(total, store.parameterCount(), "total");
      long trainable = store.trainable().stream().mapToLong(ModelVariable::size).sum();
      if (frozen) {
        assertEquals(
            total - MOBILENET_TO_BLOCK16 - 2L * (512 + 256 + 128 + 64),
            trainable,
            "a frozen encoder leaves only the decoder's trainable weights");
      } else {
        assertEquals(total - nonTrainable, trainable, "trainable");
      }
    }
  }

  private static long transpose(int k, int in, int out) {
    return (long) k * k * in * out;
  }

  private static long conv(int k, int in, int out, boolean bias) {
    return (long) k * k * in * out + (bias ? out : 0);
  }

  private static long bn(int c) {
    return 4L * c;
  }
}
