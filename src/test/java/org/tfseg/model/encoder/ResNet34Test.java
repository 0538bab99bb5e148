package org.tfseg.model.encoder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tfseg.graph.Layers;
import org.tfseg.graph.VariableStore;

class ResNet34Test {
  @Test
  void torchvisionWeightCountAndFeaturePerStage() {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, 1);
      ResNet34 encoder = new ResNet34("enc");
      List<Feature> features =
          encoder.features(
              new Layers(tf, store, true, null, null), EncoderGraphs.images(tf, 96, 96));
      // torchvision resnet34 has 21,797,672 parameters, 513,000 of them in the classifier
      EncoderGraphs.assertCounts(store, 21_301_696L, 21_797_672L - 513_000L);
      EncoderGraphs.assertFeatures(features, encoder.featureSpecs(), 96);
      assertEquals(
          List.of(64, 64, 128, 256, 512), features.stream().map(Feature::channels).toList());
    }
  }
}
