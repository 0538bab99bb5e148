package org.tfseg.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Precision;
import org.tfseg.graph.Tensors;
import org.tfseg.loss.BinaryCrossEntropy;
import org.tfseg.model.UNet;
import org.tfseg.optim.Sgd;
import org.tfseg.train.ModelSpec;
import org.tfseg.train.TrainingGraph;

/**
 * A model trained under {@code mixed_bfloat16} is served as validation computed it: the serving
 * graph restored from its checkpoint equals the training graph's (bfloat16) inference tower, not
 * the float32 one; folding BatchNorm stays within bfloat16 rounding.
 */
class ServingPrecisionTest {
  private static final int N = 2, S = 16;

  @Test
  void servingGraphComputesInTheTrainingPolicy(@TempDir Path tmp) throws Exception {
    UNet model = new UNet(8, 2, 1);
    ModelSpec spec =
        ModelSpec.builder(
                model,
                S,
                S,
                3,
                new BinaryCrossEntropy(),
                tf -> new Sgd(tf, 0.1, 0.0, false),
                List.of(),
                1)
            .precision(Precision.MIXED_BFLOAT16)
            .build();
    float[] x = new float[N * S * S * 3];
    float[] y = new float[N * S * S];
    Random r = new Random(5);
    for (int i = 0; i < x.length; i++) {
      x[i] = r.nextFloat();
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = r.nextBoolean() ? 1f : 0f;
    }
    String prefix = tmp.resolve("ckpt/ckpt").toString();
    Files.createDirectories(tmp.resolve("ckpt"));
    float[] validation;
    try (TrainingGraph g = new TrainingGraph(spec);
        TFloat32 xt = Tensors.of(Shape.of(N, S, S, 3), x);
        TFloat32 yt = Tensors.of(Shape.of(N, S, S, 1), y)) {
      for (int i = 0; i < 3; i++) {
        g.train(xt, yt);
      }
      validation = g.predict(xt);
      g.save(prefix);
    }
    try (TFloat32 xt = Tensors.of(Shape.of(N, S, S, 3), x);
        InferenceGraph bf16 =
            new InferenceGraph(model, S, S, 3, 1, Precision.MIXED_BFLOAT16).restore(prefix);
        InferenceGraph f32 = new InferenceGraph(model, S, S, 3, 1).restore(prefix);
        InferenceGraph folded = bf16.folded()) {
      float[] served = bf16.predict(xt);
      assertArrayEquals(validation, served, 0f, "serving graph vs bfloat16 validation tower");
      float[] full = f32.predict(xt);
      double maxDiff = 0;
      for (int i = 0; i < full.length; i++) {
        maxDiff = Math.max(maxDiff, Math.abs(full[i] - served[i]));
      }
      assertTrue(maxDiff > 1e-4, "bfloat16 serving graph computed in float32: " + maxDiff);
      // bfloat16 keeps 8 significant bits: ~0.4 % per rounding
      assertArrayEquals(served, folded.predict(xt), 2e-2f, "folded bfloat16 serving graph");
    }
  }
}
