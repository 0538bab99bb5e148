package org.tfseg.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DirectionTest {
  @Test
  void autoIsMaxForScoresAndMinOtherwise() {
    assertEquals(Direction.MAX, Direction.resolve("auto", "val_precision"));
    for (String key :
        new String[] {"accuracy", "val_recall", "dice", "val_mean_iou", "fmeasure", "val_auc",
          "smeasure", "val_emeasure", "val_binary_accuracy"}) {
      assertEquals(Direction.MAX, Direction.resolve("auto", key), key);
    }
    assertEquals(Direction.MIN, Direction.resolve("auto", "val_loss"));
    assertEquals(Direction.MIN, Direction.resolve("auto", "mae"));
    assertEquals(Direction.MIN, Direction.resolve("min", "val_precision"));
    assertEquals(Direction.MAX, Direction.resolve("MAX", "val_loss"));
    assertThrows(IllegalArgumentException.class, () -> Direction.resolve("best", "val_loss"));
  }

  @Test
  void minDeltaIsAThresholdTheNewValueMustExceed() {
    // Keras MonitorCallback: less(current + min_delta, best).
    assertFalse(Direction.MIN.isImprovement(0.49, 0.5, 0.01));
    assertTrue(Direction.MIN.isImprovement(0.489, 0.5, 0.01));
    assertTrue(Direction.MIN.isImprovement(0.489, 0.5, -0.01)); // abs(min_delta)
    assertFalse(Direction.MAX.isImprovement(0.51, 0.5, 0.01));
    assertTrue(Direction.MAX.isImprovement(0.511, 0.5, 0.01));
    assertFalse(Direction.MIN.isImprovement(0.5, 0.5, 0.0)); // strict
    assertTrue(Direction.MIN.isImprovement(0.5, Double.POSITIVE_INFINITY, 0.0));
    assertFalse(Direction.MIN.isImprovement(Double.NaN, Double.POSITIVE_INFINITY, 0.0));
    // float32, as ops.less under the TensorFlow backend: equal after rounding is no improvement.
    assertFalse(Direction.MIN.isImprovement(0.3, 0.30000001, 0.0));
    // ReduceLrOnPlateau: less(current, best - min_delta), float64.
    assertTrue(Direction.MIN.isPlateauImprovement(0.3, 0.30000001, 0.0));
    assertFalse(Direction.MIN.isPlateauImprovement(0.8999, 0.9, 1e-4));
    assertTrue(Direction.MIN.isPlateauImprovement(0.8998, 0.9, 1e-4));
    assertTrue(Direction.MAX.isPlateauImprovement(0.9002, 0.9, 1e-4));
  }
}
