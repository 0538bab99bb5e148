package org.tfseg.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchNormWarmupHintTest {
  private static Map<String, Double> logs(double precision, double valPrecision) {
    Map<String, Double> logs = new LinkedHashMap<>();
    logs.put("loss", 0.4);
    logs.put("precision", precision);
    logs.put("val_loss", 0.6);
    logs.put("val_precision", valPrecision);
    logs.put("val_mae", 0.0);
    return logs;
  }

  @Test
  void explainsZeroValidationMetricsOnceWhileTheMovingStatisticsAreCold() {
    FakeControl control = new FakeControl(0.01);
    BatchNormWarmupHint hint = new BatchNormWarmupHint(0.99);
    control.epoch = 50; // FakeControl's global step
    hint.onEpochEnd(0, logs(0.7, 0.0), control);
    hint.onEpochEnd(1, logs(0.7, 0.0), control);
    assertEquals(1, control.log.size(), "said once: " + control.log);
    String line = control.log.get(0);
    assertTrue(
        line.contains("val_precision is 0")
            && line.contains("after 50 steps at momentum 0.99")
            && line.contains("still hold 61%")
            && line.contains("~459 steps")
            && line.contains("--set model.batch_norm.momentum=0.9"),
        line);
  }

  @Test
  void saysNothingWhenValidationScoresOrTheStatisticsAreWarm() {
    FakeControl control = new FakeControl(0.01);
    control.epoch = 50;
    new BatchNormWarmupHint(0.99).onEpochEnd(0, logs(0.7, 0.3), control);
    control.epoch = 500;
    new BatchNormWarmupHint(0.99).onEpochEnd(0, logs(0.7, 0.0), control);
    new BatchNormWarmupHint(0.9).onEpochEnd(0, logs(0.0, 0.0), control);
    assertEquals(List.of(), control.log);
  }
}
