package org.tfseg.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.BatchNormFolding.KernelLayout;

/**
 * What {@link BatchNormFolding} folds and the folded weights' arithmetic; that folded serving
 * graphs equal the plain ones on every architecture is {@code ModelContractTest}'s.
 */
class BatchNormFoldingTest {
  private static final ConvSpec CONV = ConvSpec.of(4, 3).noBias();

  @Test
  void foldsAConvWhoseOutputOnlyFeedsItsBatchNorm() {
    assertEquals(List.of("a"), recorded(false).pairs().keySet().stream().toList());
  }

  @Test
  void keepsTheBatchNormWhenTheConvOutputIsAlsoUsedElsewhere() {
    assertEquals(Map.of(), recorded(true).pairs());
  }

  private static BatchNormFolding recorded(boolean secondConsumer) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      BatchNormFolding f = BatchNormFolding.recording();
      Layers l = new Layers(tf, new VariableStore(tf, 1), false, null, null).withFolding(f);
      Operand<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(1, 8, 8, 2)));
      Operand<TFloat32> c = l.conv2d("a", x, CONV);
      Operand<TFloat32> y = l.batchNorm("a_bn", c);
      if (secondConsumer) {
        l.add("skip", y, c);
      }
      l.batchNorm("b_bn", l.relu("r", y)); // not after a conv: never folded
      f.checkConsumers();
      return f;
    }
  }

  @Test
  void outputChannelOfEachKernelLayout() {
    // Conv2D [1,1,2,3]: element (i, o) at i*3 + o
    assertEquals(2, BatchNormFolding.outputChannel(KernelLayout.CONV, new long[] {1, 1, 2, 3}, 5));
    // Conv2DTranspose [1,1,3,2] (out, in): element (o, i) at o*2 + i
    assertEquals(
        2, BatchNormFolding.outputChannel(KernelLayout.TRANSPOSED, new long[] {1, 1, 3, 2}, 5));
    assertEquals(
        0, BatchNormFolding.outputChannel(KernelLayout.TRANSPOSED, new long[] {1, 1, 3, 2}, 1));
    // Depthwise [1,1,2,2] (in, multiplier): output channel in*2 + j
    assertEquals(
        3, BatchNormFolding.outputChannel(KernelLayout.DEPTHWISE, new long[] {2, 1, 2, 2}, 7));
  }

  @Test
  void foldedWeightsAreTheScaledKernelAndShiftedBias() {
    BatchNormFolding f = recorded(false).applying();
    float eps = Layers.BN_EPSILON;
    float[] kernel = new float[3 * 3 * 2 * 4];
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] = i * 0.01f - 0.3f;
    }
    float[] gamma = {0.5f, 1.5f, 1f, 2f};
    float[] beta = {0.1f, -0.2f, 0f, 0.3f};
    float[] mean = {0.05f, -0.1f, 0.2f, 0f};
    float[] var = {0.5f, 1.2f, 0.9f, 2f};
    Map<String, float[]> folded =
        f.foldedValues(
            Map.of(
                "a/kernel", kernel,
                "a_bn/gamma", gamma,
                "a_bn/beta", beta,
                "a_bn/moving_mean", mean,
                "a_bn/moving_variance", var),
            Map.of("a/kernel", Shape.of(3, 3, 2, 4)));
    float[] wantKernel = new float[kernel.length];
    float[] wantBias = new float[4];
    for (int o = 0; o < 4; o++) {
      double s = gamma[o] / Math.sqrt(var[o] + (double) eps);
      wantBias[o] = (float) (beta[o] - mean[o] * s);
      for (int i = o; i < kernel.length; i += 4) {
        wantKernel[i] = (float) (kernel[i] * s);
      }
    }
    assertArrayEquals(wantKernel, folded.get("a/kernel"), 0f);
    assertArrayEquals(wantBias, folded.get("a/bias"), 0f);
  }
}
