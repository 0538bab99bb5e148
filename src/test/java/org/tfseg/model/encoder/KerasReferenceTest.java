package org.tfseg.model.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhdf.HdfFile;
import io.jhdf.api.Dataset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Layers;
import org.tfseg.graph.Tensors;
import org.tfseg.graph.VariableStore;
import org.tfseg.weights.ImportMode;
import org.tfseg.weights.ImportReport;
import org.tfseg.weights.KerasWeightImport;
import org.tfseg.weights.WeightFixtures;

/**
 * The encoders against an independent numpy implementation of the Keras forward pass
 * (tools/fixtures/keras_reference.py) with the same random weights, imported from a Keras-layout
 * file: narrow variants (MobileNetV2 alpha 0.1, ResNet50 width 4) keep the fixtures small; the
 * layer structure, padding and preprocessing are those of the full models. The 2×40×32 batch meets
 * odd sizes (5, 3) at the stride-2 layers, where Keras pads differently than at even ones.
 */
class KerasReferenceTest {
  private static final double TOLERANCE = 1e-4;

  @Test
  void mobileNetV2MatchesTheKerasReference() {
    MobileNetV2 encoder = new MobileNetV2("enc", 0.1);
    double err =
        compare(
            "mobilenet_v2_a010",
            (l, x) -> {
              List<Operand<TFloat32>> outs =
                  new ArrayList<>(encoder.features(l, x).stream().map(Feature::tensor).toList());
              Layers full = new Layers(l.tf().withSubScope("full"), l.store(), false, null, null);
              outs.add(encoder.fullModel(full, x));
              return outs;
            },
            List.of(
                "block_1_expand_relu",
                "block_3_expand_relu",
                "block_6_expand_relu",
                "block_13_expand_relu",
                "block_16_project",
                "out_relu"));
    System.out.printf("MobileNetV2 alpha 0.1 vs numpy Keras reference: max |diff| %.3g%n", err);
  }

  @Test
  void resNet50MatchesTheKerasReference() {
    ResNet50 encoder = new ResNet50("enc", 4);
    double err =
        compare(
            "resnet50_w4",
            (l, x) -> encoder.features(l, x).stream().map(Feature::tensor).toList(),
            encoder.featureSpecs().stream().map(FeatureSpec::name).toList());
    System.out.printf("ResNet50 width 4 vs numpy Keras reference: max |diff| %.3g%n", err);
  }

  /** Builds, imports {@code name}.h5, runs the reference batch; returns the largest difference. */
  private static double compare(
      String name,
      BiFunction<Layers, Operand<TFloat32>, List<Operand<TFloat32>>> build,
      List<String> outputs) {
    try (HdfFile ref = new HdfFile(WeightFixtures.path(name + "_reference.h5"));
        Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, 1);
      Dataset images = ref.getDatasetByPath("images");
      Shape shape = Shape.of(toLong(images.getDimensions()));
      Operand<TFloat32> x =
          tf.placeholder(
              TFloat32.class, Placeholder.shape(Shape.of(-1, shape.get(1), shape.get(2), 3)));
      List<Operand<TFloat32>> outs = build.apply(new Layers(tf, store, false, null, null), x);
      ImportReport report =
          KerasWeightImport.load(s, store, "enc", WeightFixtures.path(name + ".h5"));
      assertEquals(ImportMode.BY_NAME, report.mode());
      assertTrue(report.unexpected().isEmpty(), report.summary());
      double worst = 0;
      try (TFloat32 input = Tensors.of(shape, (float[]) images.getDataFlat())) {
        Session.Runner runner = s.runner().feed(x, input);
        outs.forEach(runner::fetch);
        try (Result r = runner.run()) {
          for (int i = 0; i < outputs.size(); i++) {
            Dataset expected = ref.getDatasetByPath(outputs.get(i));
            TFloat32 actual = (TFloat32) r.get(i);
            assertArrayEquals(
                toLong(expected.getDimensions()), actual.shape().asArray(), outputs.get(i));
            float[] want = (float[]) expected.getDataFlat();
            float[] got = Tensors.floats(actual);
            for (int j = 0; j < want.length; j++) {
              double d = Math.abs(want[j] - got[j]);
              worst = Math.max(worst, d);
              if (d > TOLERANCE) {
                throw new AssertionError(
                    outputs.get(i) + "[" + j + "]: Keras " + want[j] + ", tfseg " + got[j]);
              }
            }
          }
        }
      }
      return worst;
    }
  }

  private static long[] toLong(int[] dims) {
    return java.util.Arrays.stream(dims).asLongStream().toArray();
  }
}
