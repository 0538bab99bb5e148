package org.tfseg.model.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tfseg.graph.Layers;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.VariableStore;

class ResNet50Test {
  @Test
  void kerasWeightCountsFeaturesAndLayerOrder() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, 1);
      ResNet50 encoder = new ResNet50("");
      List<Feature> features =
          encoder.features(
              new Layers(tf, store, true, null, null), EncoderGraphs.images(tf, 224, 224));
      EncoderGraphs.assertCounts(store, 23_587_712L, 23_534_592L);
      EncoderGraphs.assertFeatures(features, encoder.featureSpecs(), 224);
      assertEquals(
          List.of(64, 256, 512, 1024, 2048), features.stream().map(Feature::channels).toList());
      List<String> names = store.all().stream().map(ModelVariable::name).toList();
      assertEquals(List.of("conv1_conv/kernel", "conv1_conv/bias"), names.subList(0, 2));
      // Keras' model.layers order inside a projection block
      assertTrue(
          names.indexOf("conv3_block1_2_bn/moving_variance")
              < names.indexOf("conv3_block1_0_conv/kernel"));
      assertTrue(
          names.indexOf("conv3_block1_0_conv/bias") < names.indexOf("conv3_block1_3_conv/kernel"));
      assertTrue(
          names.indexOf("conv3_block1_3_conv/bias") < names.indexOf("conv3_block1_0_bn/gamma"));
      assertTrue(
          names.indexOf("conv3_block1_0_bn/moving_variance")
              < names.indexOf("conv3_block1_3_bn/gamma"));
      assertEquals("conv5_block3_3_bn/moving_variance", names.get(names.size() - 1));
    }
  }
}
