package org.tfseg.model.encoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Layers;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.VariableStore;

class MobileNetV2Test {
  @Test
  void fullModelHasKerasWeightCountsAndNames() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, 1);
      Operand<TFloat32> out =
          new MobileNetV2("")
              .fullModel(
                  new Layers(tf, store, true, null, null), EncoderGraphs.images(tf, 224, 224));
      assertArrayEquals(new long[] {-1, 7, 7, 1280}, out.shape().asArray());
      EncoderGraphs.assertCounts(store, 2_257_984L, 2_223_872L);
      List<String> names = store.all().stream().map(ModelVariable::name).toList();
      assertEquals("Conv1/kernel", names.get(0));
      assertTrue(names.contains("expanded_conv_depthwise/depthwise_kernel"));
      assertTrue(names.contains("block_16_project_BN/moving_variance"));
      assertEquals("Conv_1_bn/moving_variance", names.get(names.size() - 1));
      assertFalse(names.contains("block_0_expand/kernel"), "block 0 has no expand conv");
      assertTrue(
          names.stream().noneMatch(n -> n.endsWith("/bias")), "MobileNetV2 convs have no bias");
    }
  }

  @Test
  void featuresStopAtBlock16ProjectWithTheirStrides() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, 1);
      MobileNetV2 encoder = new MobileNetV2("encoder");
      List<Feature> features =
          encoder.features(
              new Layers(tf, store, true, null, null), EncoderGraphs.images(tf, 64, 64));
      EncoderGraphs.assertFeatures(features, encoder.featureSpecs(), 64);
      assertEquals(
          List.of(96, 144, 192, 576, 320), features.stream().map(Feature::channels).toList());
      List<String> names = store.all().stream().map(ModelVariable::name).toList();
      assertEquals("encoder/block_16_project/kernel", names.get(names.size() - 1));
      // no residual add on block 0, nor where the stride or width changes
      List<String> adds = new ArrayList<>();
      g.operations()
          .forEachRemaining(
              op -> {
                String[] parts = op.name().split("/");
                if (op.type().equals("Add") && parts.length > 1 && parts[1].endsWith("_add")) {
                  adds.add(parts[1]);
                }
              });
      assertEquals(
          List.of(
              "block_2_add",
              "block_4_add",
              "block_5_add",
              "block_7_add",
              "block_8_add",
              "block_9_add",
              "block_11_add",
              "block_12_add",
              "block_14_add",
              "block_15_add"),
          adds);
    }
  }

  @Test
  void stride2DepthwisePadsLikeKerasCorrectPad() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Layers l = new Layers(tf, new VariableStore(tf, 1), false, null, null);
      // even 10 → pad (0, 1), odd 7 → pad (1, 1)
      Operand<TFloat32> even = MobileNetV2.correctPad(l, "even", EncoderGraphs.images(tf, 10, 7));
      assertArrayEquals(new long[] {-1, 11, 9, 3}, even.shape().asArray());
    }
  }

  @Test
  void makeDivisibleMatchesKeras() {
    assertEquals(32, MobileNetV2.makeDivisible(32));
    assertEquals(8, MobileNetV2.makeDivisible(5.6)); // 16 · 0.35
    assertEquals(16, MobileNetV2.makeDivisible(11)); // 8 would be more than 10 % below 11
    assertEquals(56, MobileNetV2.makeDivisible(56));
  }
}
