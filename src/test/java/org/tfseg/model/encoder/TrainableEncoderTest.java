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

/**
 * A frozen encoder inside a training graph (that a fine-tuned one gives every weight a non-zero
 * gradient is part of {@code ModelContractTest}).
 */
class TrainableEncoderTest {
  private static final List<Encoder> SMALL =
      List.of(
          new MobileNetV2("encoder", 0.1), new ResNet50("encoder", 4), new ResNet34("encoder", 4));

  @Test
  void aFrozenEncoderHasNoTrainableWeightsAndRunsBatchNormInInferenceMode() {
    for (Encoder encoder : SMALL) {
      try (Graph g = new Graph()) {
        Ops tf = Ops.create(g);
        VariableStore store = new VariableStore(tf, 1);
        store.freeze(encoder.scope() + "/");
        Layers l = new Layers(tf, store, true, null, null);
        encoder.features(l, EncoderGraphs.images(tf, 64, 64));
        assertTrue(store.trainable().isEmpty(), encoder.name());
        assertTrue(l.updateOps().isEmpty(), encoder.name());
        assertTrue(store.all().stream().allMatch(v -> v.name().startsWith("encoder/")));
        assertEquals(0, store.trainable().stream().mapToLong(ModelVariable::size).sum());
      }
    }
  }
}
