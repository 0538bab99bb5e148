package org.tfseg.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReduceLrOnPlateauTest {
  private static final double F32_1E_3 = (float) 0.001;

  @Test
  void reducesAfterPatienceEpochsWithoutImprovement() {
    FakeControl control = new FakeControl(0.001);
    ReduceLrOnPlateau cb =
        new ReduceLrOnPlateau("val_loss", 0.1, 3, MonitorMode.AUTO, 1e-4, 0, 0.0);
    List<Callback> cbs = List.of(cb);
    control.trainBegin(cbs);
    control.runEpochs(cbs, "val_loss", new double[] {1.0, 0.9, 0.95, 0.96, 0.97, 0.85}, 0);

    // Best 0.9 at epoch 2 (1-based); 3 epochs without improvement -> reduce at the end of epoch 5.
    assertEquals(
        List.of("Epoch 5: ReduceLROnPlateau reducing learning rate to 0.00010000000474974513."),
        control.log);
    double reduced = (float) (F32_1E_3 * 0.1);
    // learning_rate in the logs is the rate used during the epoch.
    assertEquals(
        List.of(F32_1E_3, F32_1E_3, F32_1E_3, F32_1E_3, F32_1E_3, reduced), control.learningRates);
    assertEquals(reduced, control.learningRate());
    assertEquals(0.85, cb.best());
    assertEquals(0, cb.waitCount());
  }

  @Test
  void cooldownSuspendsCountingAfterAReduction() {
    FakeControl control = new FakeControl(0.1);
    ReduceLrOnPlateau cb = new ReduceLrOnPlateau("val_loss", 0.5, 1, MonitorMode.MIN, 0.0, 2, 0.0);
    control.trainBegin(List.of(cb));
    control.runEpochs(List.of(cb), "val_loss", new double[] {1, 1, 1, 1, 1, 1, 1}, 0);
    // Reduce at epoch index 1; cooldown 2 covers indices 2 and 3 (the counter reaches 0 at 3,
    // where the epoch counts again): reductions at indices 1, 3, 5.
    assertEquals(
        List.of(
            "Epoch 2: ReduceLROnPlateau reducing learning rate to 0.05000000074505806.",
            "Epoch 4: ReduceLROnPlateau reducing learning rate to 0.02500000037252903.",
            "Epoch 6: ReduceLROnPlateau reducing learning rate to 0.012500000186264515."),
        control.log);
  }

  @Test
  void neverGoesBelowMinLr() {
    FakeControl control = new FakeControl(0.1);
    ReduceLrOnPlateau cb = new ReduceLrOnPlateau("loss_x", 0.5, 1, MonitorMode.MIN, 0.0, 0, 0.03);
    control.trainBegin(List.of(cb));
    control.runEpochs(List.of(cb), "loss_x", new double[] {1, 1, 1, 1, 1}, 0);
    assertEquals(
        List.of(
            "Epoch 2: ReduceLROnPlateau reducing learning rate to 0.05000000074505806.",
            "Epoch 3: ReduceLROnPlateau reducing learning rate to 0.03."),
        control.log);
    // At the floor (compared as float32) nothing more happens.
    assertEquals((float) 0.03, control.learningRate());
  }

  @Test
  void maxModeForScores() {
    FakeControl control = new FakeControl(0.01);
    ReduceLrOnPlateau cb =
        new ReduceLrOnPlateau("val_precision", 0.1, 2, MonitorMode.AUTO, 0.0, 0, 0.0);
    control.trainBegin(List.of(cb));
    control.runEpochs(List.of(cb), "val_precision", new double[] {0.5, 0.6, 0.7, 0.65, 0.7}, 0);
    assertEquals(MonitorMode.MAX, cb.mode());
    // Best 0.7 at epoch 3; 0.7 again is no improvement (strict): reduce at epoch 5.
    assertEquals(
        List.of("Epoch 5: ReduceLROnPlateau reducing learning rate to 0.0009999999776482583."),
        control.log);
  }

  @Test
  void missingMonitorWarnsWithAvailableKeys() {
    FakeControl control = new FakeControl(0.01);
    ReduceLrOnPlateau cb = new ReduceLrOnPlateau("val_dice", 0.1, 0, MonitorMode.AUTO, 0.0, 0, 0.0);
    Map<String, Double> logs = new LinkedHashMap<>(Map.of("loss", 0.3));
    cb.onEpochEnd(0, logs, control);
    assertEquals(
        List.of(
            "WARNING: Learning rate reduction is conditioned on metric `val_dice` which is not"
                + " available. Available metrics are: loss,learning_rate."),
        control.log);
    assertEquals((double) (float) 0.01, control.learningRate());
    assertEquals((double) (float) 0.01, logs.get("learning_rate"));
  }

  @Test
  void factorMustBeBelowOne() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ReduceLrOnPlateau("val_loss", 1.0, 3, MonitorMode.AUTO, 0.0, 0, 0.0));
  }

  @Test
  void resumedRunContinuesIdentically() throws Exception {
    double[] values = {1.0, 0.9, 0.95, 0.96, 0.8, 0.81, 0.82, 0.83, 0.84, 0.85, 0.86};
    FakeControl whole = new FakeControl(0.01);
    ReduceLrOnPlateau a = new ReduceLrOnPlateau("val_loss", 0.5, 2, MonitorMode.MIN, 1e-4, 1, 0.0);
    whole.trainBegin(List.of(a));
    whole.runEpochs(List.of(a), "val_loss", values, 0);

    for (int split = 1; split < values.length; split++) {
      FakeControl first = new FakeControl(0.01);
      ReduceLrOnPlateau b =
          new ReduceLrOnPlateau("val_loss", 0.5, 2, MonitorMode.MIN, 1e-4, 1, 0.0);
      first.trainBegin(List.of(b));
      first.runEpochs(List.of(b), "val_loss", java.util.Arrays.copyOf(values, split), 0);
      JsonNode saved = new ObjectMapper().readTree(b.state().toString());

      FakeControl second = new FakeControl(first.learningRate());
      ReduceLrOnPlateau c =
          new ReduceLrOnPlateau("val_loss", 0.5, 2, MonitorMode.MIN, 1e-4, 1, 0.0);
      c.restoreState(saved);
      second.trainBegin(List.of(c));
      second.runEpochs(List.of(c), "val_loss", values, split);

      List<String> log = new java.util.ArrayList<>(first.log);
      log.addAll(second.log);
      assertEquals(whole.log, log, "split at " + split);
      assertEquals(whole.learningRate(), second.learningRate(), "split at " + split);
    }
    // Reductions at 1-based epochs 4, 7 (cooldown 1 then 2 bad epochs), 9 and 11.
    assertEquals(
        List.of("Epoch 4", "Epoch 7", "Epoch 9", "Epoch 11"),
        whole.log.stream().map(l -> l.substring(0, l.indexOf(':'))).toList());
  }
}
