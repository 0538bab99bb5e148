package org.tfseg.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Only processes that never update weights may let oneDNN cache filters. */
class FrozenWeightsTest {
  @Test
  void onlyInferenceCommandsAssumeFrozenWeights() {
    assertTrue(FrozenWeights.inferenceOnly(new String[] {"serve", "--model-base-path", "m"}));
    assertTrue(FrozenWeights.inferenceOnly(new String[] {"predict", "--saved-model", "m"}));
    assertTrue(FrozenWeights.inferenceOnly(new String[] {"eval", "e.json"}));
    assertTrue(FrozenWeights.inferenceOnly(new String[] {"benchmark", "e.json", "--inference"}));
    assertFalse(FrozenWeights.inferenceOnly(new String[] {"benchmark", "e.json"}));
    assertFalse(FrozenWeights.inferenceOnly(new String[] {"train", "e.json"}));
    assertFalse(FrozenWeights.inferenceOnly(new String[] {"e.json"}));
    assertFalse(FrozenWeights.inferenceOnly(new String[] {}));
  }
}
