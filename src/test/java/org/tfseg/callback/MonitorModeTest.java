package org.tfseg.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MonitorModeTest {
  @Test
  void autoIsMaxForScoresAndMinOtherwise() {
    assertEquals(MonitorMode.MAX, MonitorMode.AUTO.resolve("val_precision"));
    for (String key :
        new String[] {
          "accuracy",
          "val_recall",
          "dice",
          "val_mean_iou",
          "fmeasure",
          "val_auc",
          "smeasure",
          "val_emeasure",
          "val_binary_accuracy"
        }) {
      assertEquals(MonitorMode.MAX, MonitorMode.AUTO.resolve(key), key);
    }
    assertEquals(MonitorMode.MIN, MonitorMode.AUTO.resolve("val_loss"));
    assertEquals(MonitorMode.MIN, MonitorMode.AUTO.resolve("mae"));
    assertEquals(MonitorMode.MIN, MonitorMode.MIN.resolve("val_precision"));
    assertEquals(MonitorMode.MAX, MonitorMode.MAX.resolve("val_loss"));
    assertThrows(IllegalStateException.class, () -> MonitorMode.AUTO.initialBest());
  }

  @Test
  void minDeltaIsAThresholdTheNewValueMustExceed() {
    // Keras MonitorCallback: less(current + min_delta, best).
    assertFalse(MonitorMode.MIN.isImprovement(0.49, 0.5, 0.01));
    assertTrue(MonitorMode.MIN.isImprovement(0.489, 0.5, 0.01));
    assertTrue(MonitorMode.MIN.isImprovement(0.489, 0.5, -0.01)); // abs(min_delta)
    assertFalse(MonitorMode.MAX.isImprovement(0.51, 0.5, 0.01));
    assertTrue(MonitorMode.MAX.isImprovement(0.511, 0.5, 0.01));
    assertFalse(MonitorMode.MIN.isImprovement(0.5, 0.5, 0.0)); // strict
    assertTrue(MonitorMode.MIN.isImprovement(0.5, Double.POSITIVE_INFINITY, 0.0));
    assertFalse(MonitorMode.MIN.isImprovement(Double.NaN, Double.POSITIVE_INFINITY, 0.0));
    // float32, as ops.less under the TensorFlow backend: equal after rounding is no improvement.
    assertFalse(MonitorMode.MIN.isImprovement(0.3, 0.30000001, 0.0));
    // ReduceLrOnPlateau: less(current, best - min_delta), float64.
    assertTrue(MonitorMode.MIN.isPlateauImprovement(0.3, 0.30000001, 0.0));
    assertFalse(MonitorMode.MIN.isPlateauImprovement(0.8999, 0.9, 1e-4));
    assertTrue(MonitorMode.MIN.isPlateauImprovement(0.8998, 0.9, 1e-4));
    assertTrue(MonitorMode.MAX.isPlateauImprovement(0.9002, 0.9, 1e-4));
  }
}
