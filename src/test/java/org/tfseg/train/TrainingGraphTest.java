package org.tfseg.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.Tensors;
import org.tfseg.loss.BinaryCrossEntropy;
import org.tfseg.metric.Precision;
import org.tfseg.model.UNet;
import org.tfseg.optim.Sgd;

class TrainingGraphTest {
  private static final int N = 4, H = 16, W = 16;

  /**
   * With a zero learning rate the weights stay fixed, so after k steps on one batch each moving
   * mean must be exactly the Keras update {@code m_k = m·0.99^k + μ·(1 − 0.99^k)} of the batch
   * mean.
   */
  @Test
  void batchNormMovingAveragesFollowTheKerasUpdate() {
    ModelSpec spec = unet(H, W, 0.0).build();
    try (TrainingGraph g = new TrainingGraph(spec);
        TFloat32 x = Tensors.of(Shape.of(N, H, W, 3), random(N * H * W * 3, 2));
        TFloat32 y = Tensors.of(Shape.of(N, H, W, 1), new float[N * H * W])) {
      ModelVariable movingMean =
          g.store().all().stream()
              .filter(v -> v.name().equals("enc1/bn1/moving_mean"))
              .findFirst()
              .orElseThrow();
      // batch mean of enc1/conv1's output, per channel
      @SuppressWarnings("unchecked")
      org.tensorflow.Operand<TFloat32> conv =
          (org.tensorflow.Operand<TFloat32>)
              g.session().graph().outputOrThrow("train/enc1/conv1/BiasAdd");
      ModelVariable movingVar =
          g.store().all().stream()
              .filter(v -> v.name().equals("enc1/bn1/moving_variance"))
              .findFirst()
              .orElseThrow();
      double[] batchMean = new double[2];
      double[] batchVar = new double[2];
      int count = N * H * W;
      try (Result r = g.session().runner().feed("images", x).fetch(conv).run()) {
        float[] c = Tensors.floats((TFloat32) r.get(0));
        for (int i = 0; i < c.length; i++) {
          batchMean[i % 2] += c[i] / (double) count;
        }
        for (int i = 0; i < c.length; i++) {
          batchVar[i % 2] +=
              Math.pow(c[i] - batchMean[i % 2], 2) / (count - 1); // Bessel-corrected, as Keras 2
        }
      }
      int k = 7;
      for (int i = 0; i < k; i++) {
        g.train(x, y);
      }
      float[] m;
      float[] v;
      try (Result r =
          g.session().runner().fetch(movingMean.variable()).fetch(movingVar.variable()).run()) {
        m = Tensors.floats((TFloat32) r.get(0));
        v = Tensors.floats((TFloat32) r.get(1));
      }
      double decay = Math.pow(0.99, k);
      for (int ch = 0; ch < 2; ch++) {
        assertEquals(batchMean[ch] * (1 - decay), m[ch], 1e-5, "moving mean channel " + ch);
        assertEquals(
            batchVar[ch] * (1 - decay) + decay, v[ch], 1e-4, "moving variance channel " + ch);
      }
      assertTrue(Math.abs(m[0]) > 1e-4, "the moving mean must have moved");
    }
  }

  /** A two-filter U-Net on binary masks, trained with plain SGD at {@code learningRate}. */
  private static ModelSpec.Builder unet(int h, int w, double learningRate) {
    return ModelSpec.builder(
        new UNet(2, 1, 1),
        h,
        w,
        3,
        new BinaryCrossEntropy(),
        tf -> new Sgd(tf, learningRate, 0.0, false),
        List.of(new Precision(0.5)),
        1);
  }

  private static float[] random(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = (float) r.nextDouble();
    }
    return f;
  }

  /**
   * A random-crop size for training: the training tower takes crops, the inference tower full
   * images.
   */
  @Test
  void trainingAtTheCropSizeEvaluatesAtTheFullSize() {
    ModelSpec spec = unet(2 * H, 2 * W, 0.1).trainSize(H, W).build();
    try (TrainingGraph g = new TrainingGraph(spec);
        TFloat32 crop = Tensors.of(Shape.of(N, H, W, 3), random(N * H * W * 3, 4));
        TFloat32 cropMask = Tensors.of(Shape.of(N, H, W, 1), new float[N * H * W]);
        TFloat32 full = Tensors.of(Shape.of(1, 2 * H, 2 * W, 3), random(4 * H * W * 3, 5));
        TFloat32 fullMask = Tensors.of(Shape.of(1, 2 * H, 2 * W, 1), new float[4 * H * W])) {
      double before = g.evaluate(full, fullMask).loss();
      for (int i = 0; i < 3; i++) {
        g.train(crop, cropMask);
      }
      assertTrue(
          g.evaluate(full, fullMask).loss() < before, "the shared weights learned from the crops");
      assertEquals(4 * H * W, g.predict(full).length);
    }
  }

  /**
   * EarlyStopping's {@code restore_best_weights}: a snapshot set back after training is exactly the
   * weights again, every time.
   */
  @Test
  void setWeightsPutsASnapshotBackAfterTrainingAndAgain() {
    ModelSpec spec = unet(H, W, 0.1).build();
    try (TrainingGraph g = new TrainingGraph(spec);
        TFloat32 x = Tensors.of(Shape.of(N, H, W, 3), random(N * H * W * 3, 6));
        TFloat32 y = Tensors.of(Shape.of(N, H, W, 1), new float[N * H * W])) {
      List<float[]> snapshot = g.weights();
      for (int round = 0; round < 2; round++) {
        g.train(x, y);
        assertFalse(Arrays.equals(snapshot.get(0), g.weights().get(0)), "it trained");
        g.setWeights(snapshot);
        List<float[]> back = g.weights();
        for (int i = 0; i < snapshot.size(); i++) {
          assertArrayEquals(snapshot.get(i), back.get(i));
        }
      }
    }
  }
}
