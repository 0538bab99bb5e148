package org.tfseg.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tfseg.config.ExperimentLoader;
import org.tfseg.config.Kinds;
import org.tfseg.export.InferenceGraph;
import org.tfseg.export.SavedModelPredictor;
import org.tfseg.graph.GradientCheckpointing;
import org.tfseg.graph.Layers;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.Tensors;
import org.tfseg.graph.VariableStore;
import org.tfseg.model.decoder.DecoderConfig;
import org.tfseg.model.encoder.EncoderRegistry;
import org.tfseg.task.SegmentationTask;
import org.tfseg.train.TrainingGraph;

/**
 * The contract every architecture the registry knows must meet (SMP's BaseModelTester): for each
 * architecture, and for {@code encoder_unet} each encoder × decoder, it builds; its outputs have
 * the promised number and shape; every trainable weight gets a non-zero gradient, equal with
 * gradient checkpointing (forward recomputed) up to float32 rounding; a frozen encoder gets no
 * gradient and stays unchanged by a step; the inference tower shares the training tower's weights
 * (a checkpoint restores into the serving graph with equal outputs); and the exported SavedModel
 * gives the same outputs. A new architecture, encoder or decoder is covered without touching this
 * file; {@link #SMALL} only shrinks widths to keep the suite fast.
 */
class ModelContractTest {
  private static final int N = 2;

  /** Narrow settings per kind (a kind absent here is tested at its defaults). */
  private static final Map<String, String> SMALL =
      Map.of(
          "unet", "\"base_filters\": 4, \"depth\": 2",
          "basnet", "\"filters\": 16, \"refine_filters\": 4",
          "atrous", "\"bridge_filters\": 16, \"stage_filters\": [16, 8, 8, 8]",
          "transpose", "\"filters\": [16, 8, 8, 8]",
          "pix2pix", "\"filters\": [16, 8, 8, 8]");

  static Stream<Arguments> models() {
    List<Arguments> models = new ArrayList<>();
    for (String architecture : Kinds.of(ModelConfig.class).keySet()) {
      if (!architecture.equals("encoder_unet")) {
        models.add(Arguments.of(architecture, object("architecture", architecture), false));
        continue;
      }
      for (String encoder : EncoderRegistry.names()) {
        List<String> decoders = List.copyOf(Kinds.of(DecoderConfig.class).keySet());
        for (String decoder : decoders) {
          // Freezing is the encoder's property: checked once per encoder, on the first decoder.
          for (boolean trainable :
              decoder.equals(decoders.get(0))
                  ? new boolean[] {true, false}
                  : new boolean[] {true}) {
            String json =
                "{\"architecture\": \"encoder_unet\", \"encoder\": {\"name\": \""
                    + encoder
                    + "\", \"trainable\": "
                    + trainable
                    + "}, \"decoder\": "
                    + object("type", decoder)
                    + "}";
            models.add(
                Arguments.of(
                    encoder + " + " + decoder + (trainable ? "" : " (frozen)"), json, !trainable));
          }
        }
      }
    }
    return models.stream();
  }

  private static String object(String discriminator, String kind) {
    String small = SMALL.get(kind);
    return "{\""
        + discriminator
        + "\": \""
        + kind
        + "\""
        + (small == null ? "" : ", " + small)
        + "}";
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("models")
  void meetsTheModelContract(
      String label, String modelJson, boolean frozenEncoder, @TempDir Path tmp) throws Exception {
    // Two deepest-feature pixels per side: at one pixel a train-mode BatchNorm removes every
    // constant shift exactly, so a residual-stream BatchNorm beta would get a true zero gradient.
    int size = Math.max(16, 2 * task(modelJson, tmp, 64).model().sizeMultiple());
    SegmentationTask task = task(modelJson, tmp, size);
    SegmentationModel model = task.model();
    float[] x = random(N * size * size * model.inputChannels(), 1);
    float[] y = Arrays.copyOf(random(N * size * size, 2), N * size * size);
    for (int i = 0; i < y.length; i++) {
      y[i] = y[i] > 0.6f ? 1f : 0f;
    }
    checkOutputsAndGradients(model, size, x, y, frozenEncoder, label);
    try (TrainingGraph g = new TrainingGraph(task.trainingSpec());
        TFloat32 xt = Tensors.of(Shape.of(N, size, size, model.inputChannels()), x);
        TFloat32 yt = Tensors.of(Shape.of(N, size, size, 1), y)) {
      List<float[]> before = g.weights();
      g.train(xt, yt);
      List<float[]> after = g.weights();
      List<ModelVariable> vars = g.store().all();
      for (int i = 0; i < vars.size(); i++) {
        boolean encoderWeight = vars.get(i).name().startsWith("encoder/");
        if (frozenEncoder && encoderWeight) {
          assertArrayEquals(
              before.get(i), after.get(i), label + ": frozen " + vars.get(i).name() + " changed");
        }
      }
      String prefix = tmp.resolve("ckpt/ckpt").toString();
      java.nio.file.Files.createDirectories(tmp.resolve("ckpt"));
      g.save(prefix);
      float[] training = g.predict(xt);
      float[] served;
      float[] folded;
      try (InferenceGraph inference = task.inferenceGraph(prefix)) {
        served = inference.predict(xt);
        assertArrayEquals(
            training, served, 1e-5f, label + ": inference tower vs restored serving graph");
        inference.setWeights(withTrainedBatchNorm(inference.weights()));
        served = inference.predict(xt);
        try (InferenceGraph f = inference.folded()) {
          assertTrue(f.foldedBatchNorms() > 0, label + ": no BatchNorm folded");
          folded = f.predict(xt);
          assertArrayEquals(served, folded, 1e-5f, label + ": BatchNorm-folded vs serving graph");
          f.exportSavedModel(tmp.resolve("saved_model"));
        }
      }
      try (SavedModelPredictor exported = new SavedModelPredictor(tmp.resolve("saved_model"))) {
        assertArrayEquals(
            folded, exported.predict(xt), 1e-6f, label + ": SavedModel vs folded serving graph");
      }
    }
  }

  /**
   * BatchNorm statistics and affine parameters as after real training (a step from initialisation
   * leaves them near 0/1, where folding would be trivially exact): γ, σ² in [0.5, 1.5], β, μ in
   * ±0.2, and conv biases in ±0.1.
   */
  private static Map<String, float[]> withTrainedBatchNorm(Map<String, float[]> weights) {
    SplittableRandom r = new SplittableRandom(17);
    weights.replaceAll(
        (name, v) -> {
          double low;
          double high;
          if (name.endsWith("/gamma") || name.endsWith("/moving_variance")) {
            low = 0.5;
            high = 1.5;
          } else if (name.endsWith("/beta") || name.endsWith("/moving_mean")) {
            low = -0.2;
            high = 0.2;
          } else if (name.endsWith("/bias")) {
            low = -0.1;
            high = 0.1;
          } else {
            return v;
          }
          float[] out = new float[v.length];
          for (int i = 0; i < out.length; i++) {
            out[i] = (float) r.nextDouble(low, high);
          }
          return out;
        });
    return weights;
  }

  /**
   * Output count and shapes, and a non-zero gradient for every trainable weight (none for a frozen
   * encoder).
   */
  private static void checkOutputsAndGradients(
      SegmentationModel model, int size, float[] x, float[] y, boolean frozen, String label) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, 3);
      Operand<TFloat32> images =
          tf.constant(
              Shape.of(N, size, size, model.inputChannels()),
              org.tensorflow.ndarray.buffer.DataBuffers.of(x));
      Operand<TFloat32> targets =
          tf.constant(Shape.of(N, size, size, 1), org.tensorflow.ndarray.buffer.DataBuffers.of(y));
      List<Operand<TFloat32>> logits = model.build(new Layers(tf, store, true, null, null), images);
      assertEquals(model.outputs(), logits.size(), label + ": outputs");
      for (Operand<TFloat32> l : logits) {
        assertEquals(
            Shape.of(N, size, size, model.numClasses()), l.shape(), label + ": output shape");
      }
      Operand<TFloat32> loss =
          new org.tfseg.loss.DeepSupervision(new org.tfseg.loss.BinaryCrossEntropy())
              .build(tf, logits, targets);
      List<ModelVariable> trainable = store.trainable();
      assertFalse(trainable.isEmpty(), label);
      if (frozen) {
        assertTrue(
            trainable.stream().noneMatch(v -> v.name().startsWith("encoder/")),
            label + ": frozen encoder");
        assertTrue(store.all().stream().anyMatch(v -> v.name().startsWith("encoder/")), label);
      }
      Output<?>[] xs = trainable.stream().map(v -> v.value().asOutput()).toArray(Output<?>[]::new);
      Output<?>[] grads = g.addGradients(loss.asOutput(), xs);
      Output<?>[] recomputed = GradientCheckpointing.gradients(tf, loss.asOutput(), xs);
      try (Session s = new Session(g)) {
        Session.Runner r = s.runner();
        for (int i = 0; i < grads.length; i++) {
          r.fetch(grads[i]).fetch(recomputed[i]);
        }
        try (Result res = r.run()) {
          double[] norms = new double[grads.length];
          double[] errors = new double[grads.length];
          for (int i = 0; i < grads.length; i++) {
            String name = trainable.get(i).name();
            float[] plain = Tensors.floats((TFloat32) res.get(2 * i));
            float[] again = Tensors.floats((TFloat32) res.get(2 * i + 1));
            double max = 0;
            for (int j = 0; j < plain.length; j++) {
              max = Math.max(max, Math.abs(plain[j]));
              norms[i] += (double) plain[j] * plain[j];
              errors[i] += ((double) plain[j] - again[j]) * ((double) plain[j] - again[j]);
            }
            assertTrue(max > 0, label + ": no gradient reaches " + name);
            norms[i] = Math.sqrt(norms[i]);
            errors[i] = Math.sqrt(errors[i]);
          }
          double largest = Arrays.stream(norms).max().orElseThrow();
          // Recomputation runs the same ops on the same inputs, but grappler may fuse the copies
          // differently: equal up to float32 rounding, measured ≤ 3.4e-6 of a weight's gradient
          // norm; a bias before a training BatchNorm has a true zero gradient (rounding noise).
          for (int i = 0; i < grads.length; i++) {
            assertTrue(
                errors[i] <= 2e-5 * norms[i] + 1e-7 * largest,
                label
                    + ": gradient checkpointing's gradient of "
                    + trainable.get(i).name()
                    + " differs by "
                    + errors[i]
                    + " (norm "
                    + norms[i]
                    + ")");
          }
        }
      }
    }
  }

  private static SegmentationTask task(String modelJson, Path tmp, int size) {
    String json =
        """
        {"name": "contract", "model": %s,
         "data": {"image_size": [%d, %d], "train": {"layout": "synthetic", "root": "%s", "count": 2, "size": [%d, %d]}},
         "loss": {"type": "deep_supervision", "loss": {"type": "bce"}},
         "optimizer": {"type": "sgd", "learning_rate": 0.5},
         "training": {"batch_size": %d, "epochs": 1}}
        """
            .formatted(
                modelJson,
                size,
                size,
                tmp.resolve("data").toString().replace("\\", "/"),
                size,
                size,
                N);
    return new SegmentationTask(ExperimentLoader.parse(json, List.of(), "contract.json"));
  }

  private static float[] random(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] f = new float[n];
    for (int i = 0; i < f.length; i++) {
      f[i] = (float) r.nextDouble();
    }
    return f;
  }
}
