package org.tfseg.weights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Layers;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.VariableStore;
import org.tfseg.model.encoder.Encoder;
import org.tfseg.model.encoder.MobileNetV2;
import org.tfseg.model.encoder.ResNet50;

/**
 * The real Keras layer lists (written from the Keras layer graph by the fixture generator, every
 * tensor filled with its 1-based position in Keras' order) against the Java encoders.
 */
class KerasLayoutImportTest {
  private static final List<String> MOBILENET_TOP =
      List.of(
          "block_16_project_BN/gamma",
          "block_16_project_BN/beta",
          "block_16_project_BN/moving_mean",
          "block_16_project_BN/moving_variance",
          "Conv_1/kernel",
          "Conv_1_bn/gamma",
          "Conv_1_bn/beta",
          "Conv_1_bn/moving_mean",
          "Conv_1_bn/moving_variance");

  private static Layers layers(Ops tf, VariableStore store) {
    return new Layers(tf, store, false, null, null);
  }

  private static Operand<TFloat32> images(Ops tf) {
    return tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 32, 32, 3)));
  }

  @Test
  void mobileNetV2ByNameSetsEveryValueInASession() {
    List<String> order = WeightFixtures.lines("mobilenet_v2_order.txt");
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, 1);
      new MobileNetV2("").fullModel(layers(tf, store), images(tf));
      ImportReport r =
          KerasWeightImport.load(s, store, "", WeightFixtures.path("mobilenet_v2_layout.h5"));
      assertEquals(ImportMode.BY_NAME, r.mode());
      assertEquals(260, r.tensors());
      assertEquals(2_257_984L, r.values());
      assertTrue(r.complete() && r.unexpected().isEmpty(), r.summary());
      for (ModelVariable v : store.all()) {
        float expected = order.indexOf(v.name()) + 1;
        for (float value : WeightFixtures.values(s, v)) {
          assertEquals(expected, value, v.name());
        }
      }
    }
  }

  /**
   * Pairs the renamed layout file with the model {@code build} makes below {@code scope}: by
   * position, complete, and each variable with the tensor of its own Keras name.
   */
  private static ImportPlan assertPositionalInKerasOrder(
      String model, String scope, BiConsumer<Layers, Operand<TFloat32>> build) {
    List<String> order = WeightFixtures.lines(model + "_order.txt");
    try (Graph g = new Graph();
        KerasWeightsFile f =
            KerasWeightsFile.open(WeightFixtures.path(model + "_layout_renamed.h5"))) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, 1);
      build.accept(layers(tf, store), images(tf));
      ImportPlan plan = KerasWeightImport.plan(f, store, scope);
      assertEquals(ImportMode.BY_POSITION, plan.report().mode());
      assertTrue(
          plan.report().complete() && plan.report().unexpected().isEmpty(),
          plan.report().summary());
      for (Assignment a : plan.assignments()) {
        assertEquals(Encoder.scoped(scope, order.get(a.source().position())), a.variable().name());
      }
      return plan;
    }
  }

  @Test
  void mobileNetV2WithDifferentNamesLoadsByPositionInKerasOrder() {
    assertPositionalInKerasOrder("mobilenet_v2", "", (l, x) -> new MobileNetV2("").fullModel(l, x));
  }

  @Test
  void mobileNetV2FeaturesLeaveTheTopLayersUnexpectedInBothModes() {
    try (Graph g = new Graph();
        KerasWeightsFile named =
            KerasWeightsFile.open(WeightFixtures.path("mobilenet_v2_layout.h5"));
        KerasWeightsFile renamed =
            KerasWeightsFile.open(WeightFixtures.path("mobilenet_v2_layout_renamed.h5"))) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, 1);
      new MobileNetV2("encoder").features(layers(tf, store), images(tf));
      ImportReport byName = KerasWeightImport.plan(named, store, "encoder").report();
      assertEquals(ImportMode.BY_NAME, byName.mode());
      assertTrue(byName.complete(), byName.summary());
      assertEquals(
          MOBILENET_TOP.stream()
              .map(n -> "/" + n.replace("/", "/" + n.split("/")[0] + "/") + ":0")
              .toList(),
          byName.unexpected());
      ImportReport byPosition = KerasWeightImport.plan(renamed, store, "encoder").report();
      assertEquals(ImportMode.BY_POSITION, byPosition.mode());
      assertTrue(byPosition.complete(), byPosition.summary());
      assertEquals(9, byPosition.unexpected().size());
      assertEquals(byName.tensors(), byPosition.tensors());
    }
  }

  @Test
  void resNet50WithKeras1StyleNamesLoadsByPositionInKerasOrder() {
    ImportPlan plan =
        assertPositionalInKerasOrder(
            "resnet50", "encoder", (l, x) -> new ResNet50("encoder").features(l, x));
    assertEquals(23_587_712L, plan.report().values());
  }
}
