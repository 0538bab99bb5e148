package org.tfseg.summary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The validation panel's pixels and the class colours. */
class TensorBoardPanelTest {
  @Test
  void binaryPanelIsImageMaskAndProbabilityInGrey() {
    // sample 1 of two 1×2 RGB images; sample 0 must not leak in
    float[] images = {0, 0, 0, 0, 0, 0, 1, 0.5f, 0, 0.2f, 0.4f, 2f};
    float[] masks = {0, 0, 1, 0};
    float[] probabilities = {0, 0, 0.25f, Float.NaN};
    byte[] panel = PredictionPanel.rgb(images, masks, probabilities, 1, 1, 2, 3, 1);
    assertArrayEquals(
        bytes(255, 128, 0, 51, 102, 255, 255, 255, 255, 0, 0, 0, 64, 64, 64, 0, 0, 0), panel);
  }

  @Test
  void multiClassPanelColoursLabelAndArgmax() {
    float[] grey = {0.5f, 1};
    float[] labels = {2, 0};
    float[] softmax = {0.1f, 0.7f, 0.2f, 0.2f, 0.3f, 0.5f};
    byte[] panel = PredictionPanel.rgb(grey, labels, softmax, 0, 1, 2, 1, 3);
    assertArrayEquals(
        bytes(128, 128, 128, 255, 255, 255, 0, 128, 0, 0, 0, 0, 128, 0, 0, 0, 128, 0), panel);
  }

  private static byte[] bytes(int... values) {
    byte[] b = new byte[values.length];
    for (int i = 0; i < values.length; i++) {
      b[i] = (byte) values[i];
    }
    return b;
  }
}
