package org.tfseg.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EarlyStoppingTest {
  /** Best (0.55) at 1-based epoch 9, then five epochs that do not beat it. */
  private static final double[] SEED_LIKE = {
    1.0, 0.8, 0.7, 0.65, 0.6, 0.58, 0.57, 0.56, 0.55, 0.56, 0.57, 0.551, 0.58, 0.59, 0.4, 0.3
  };

  private static EarlyStopping patience5() {
    return new EarlyStopping("val_loss", 0.0, 5, MonitorMode.AUTO, null, true, 0);
  }

  @Test
  void stopsAfter14EpochsAndRestoresEpoch9() {
    FakeControl control = new FakeControl(0.01);
    EarlyStopping cb = patience5();
    List<Callback> cbs = List.of(cb);
    control.trainBegin(cbs);
    int epochsRun = control.runEpochs(cbs, "val_loss", SEED_LIKE, 0);
    control.trainEnd(cbs);

    assertEquals(14, epochsRun);
    assertEquals(8, cb.bestEpoch().getAsInt());
    assertEquals(13, cb.stoppedEpoch().getAsInt());
    assertEquals(List.of(8), control.restoredEpochs);
    assertEquals(
        List.of(
            "Epoch 14: early stopping",
            "Restoring model weights from the end of the best epoch: 9."),
        control.log);
    assertEquals(List.of(), control.restoredCheckpoints);
  }

  @Test
  void withoutRestoreBestWeightsKeepsTheLastWeights() {
    FakeControl control = new FakeControl(0.01);
    EarlyStopping cb = new EarlyStopping("val_loss", 0.0, 5, MonitorMode.AUTO, null, false, 0);
    control.trainBegin(List.of(cb));
    assertEquals(14, control.runEpochs(List.of(cb), "val_loss", SEED_LIKE, 0));
    control.trainEnd(List.of(cb));
    assertEquals(List.of(), control.restoredEpochs);
    assertEquals(List.of("Epoch 14: early stopping"), control.log);
  }

  @Test
  void patienceZeroStopsAtTheFirstEpochWithoutImprovementButNeverAtEpochZero() {
    FakeControl control = new FakeControl(0.01);
    EarlyStopping cb = new EarlyStopping("loss_m", 0.0, 0, MonitorMode.MIN, null, false, 0);
    control.trainBegin(List.of(cb));
    assertEquals(3, control.runEpochs(List.of(cb), "loss_m", new double[] {1, 0.9, 0.9, 0.5}, 0));
  }

  @Test
  void minDeltaEdge() {
    // 0.49 + 0.01 is not below 0.5: no improvement, stop at once with patience 1.
    FakeControl control = new FakeControl(0.01);
    EarlyStopping cb = new EarlyStopping("val_loss", 0.01, 1, MonitorMode.MIN, null, false, 0);
    control.trainBegin(List.of(cb));
    assertEquals(2, control.runEpochs(List.of(cb), "val_loss", new double[] {0.5, 0.49, 0.3}, 0));
    assertEquals(0.5, cb.bestValue().getAsDouble());

    FakeControl control2 = new FakeControl(0.01);
    EarlyStopping cb2 = new EarlyStopping("val_loss", -0.01, 1, MonitorMode.MIN, null, false, 0);
    control2.trainBegin(List.of(cb2));
    assertEquals(
        3, control2.runEpochs(List.of(cb2), "val_loss", new double[] {0.5, 0.489, 0.485}, 0));
    assertEquals(0.489, cb2.bestValue().getAsDouble());
  }

  @Test
  void autoModeMaximisesPrecision() {
    FakeControl control = new FakeControl(0.01);
    EarlyStopping cb = new EarlyStopping("val_precision", 0.0, 2, MonitorMode.AUTO, null, true, 0);
    control.trainBegin(List.of(cb));
    int run =
        control.runEpochs(List.of(cb), "val_precision", new double[] {0.5, 0.7, 0.6, 0.7, 0.9}, 0);
    control.trainEnd(List.of(cb));
    assertEquals(4, run);
    assertEquals(List.of(1), control.restoredEpochs);
  }

  @Test
  void baselineKeepsCountingUntilBeaten() {
    // Epoch 0 improves on inf but not on the baseline, so wait stays 1; epoch 1 makes it 2.
    FakeControl control = new FakeControl(0.01);
    EarlyStopping cb = new EarlyStopping("val_loss", 0.0, 2, MonitorMode.MIN, 0.5, false, 0);
    control.trainBegin(List.of(cb));
    assertEquals(2, control.runEpochs(List.of(cb), "val_loss", new double[] {0.6, 0.7, 0.7}, 0));

    FakeControl noBaseline = new FakeControl(0.01);
    EarlyStopping cb2 = new EarlyStopping("val_loss", 0.0, 2, MonitorMode.MIN, null, false, 0);
    noBaseline.trainBegin(List.of(cb2));
    assertEquals(
        3, noBaseline.runEpochs(List.of(cb2), "val_loss", new double[] {0.6, 0.7, 0.7, 1}, 0));

    // Beating the baseline resets the count.
    FakeControl beaten = new FakeControl(0.01);
    EarlyStopping cb3 = new EarlyStopping("val_loss", 0.0, 2, MonitorMode.MIN, 0.5, false, 0);
    beaten.trainBegin(List.of(cb3));
    assertEquals(
        4, beaten.runEpochs(List.of(cb3), "val_loss", new double[] {0.6, 0.4, 0.7, 0.7, 0.7}, 0));
  }

  @Test
  void startFromEpochIgnoresWarmUp() {
    FakeControl control = new FakeControl(0.01);
    EarlyStopping cb = new EarlyStopping("val_loss", 0.0, 1, MonitorMode.MIN, null, true, 3);
    control.trainBegin(List.of(cb));
    assertEquals(5, control.runEpochs(List.of(cb), "val_loss", new double[] {1, 2, 3, 4, 5, 6}, 0));
    control.trainEnd(List.of(cb));
    assertEquals(List.of(3), control.restoredEpochs);
  }

  @Test
  void missingMonitorWarns() {
    FakeControl control = new FakeControl(0.01);
    EarlyStopping cb = patience5();
    Map<String, Double> logs = new LinkedHashMap<>();
    logs.put("loss", 0.2);
    logs.put("precision", 0.8);
    cb.onEpochEnd(0, logs, control);
    assertEquals(
        List.of(
            "WARNING: Early stopping conditioned on metric `val_loss` which is not available."
                + " Available metrics are: loss,precision"),
        control.log);
    assertTrue(cb.bestEpoch().isEmpty());
  }

  @Test
  void resumeContinuesIdentically() throws Exception {
    FakeControl whole = new FakeControl(0.01);
    EarlyStopping reference = patience5();
    whole.trainBegin(List.of(reference));
    int wholeRun = whole.runEpochs(List.of(reference), "val_loss", SEED_LIKE, 0);

    for (int split = 1; split < wholeRun; split++) {
      FakeControl first = new FakeControl(0.01);
      EarlyStopping a = patience5();
      first.trainBegin(List.of(a));
      first.runEpochs(List.of(a), "val_loss", Arrays.copyOf(SEED_LIKE, split), 0);
      JsonNode saved = new ObjectMapper().readTree(a.state().toString());

      FakeControl second = new FakeControl(0.01);
      EarlyStopping b = patience5();
      b.restoreState(saved);
      second.trainBegin(List.of(b));
      int run = second.runEpochs(List.of(b), "val_loss", SEED_LIKE, split);
      second.trainEnd(List.of(b));

      assertEquals(wholeRun, run, "split at " + split);
      assertEquals(8, b.bestEpoch().getAsInt(), "split at " + split);
      if (split <= 8) {
        // The best epoch came after the resume: restored from memory.
        assertEquals(List.of(8), second.restoredEpochs, "split at " + split);
        assertEquals(List.of(), second.restoredCheckpoints, "split at " + split);
      } else {
        // It came before: the best checkpoint is loaded instead.
        assertEquals(List.of(), second.restoredEpochs, "split at " + split);
        assertEquals(
            List.of(ModelCheckpoint.BEST), second.restoredCheckpoints, "split at " + split);
        assertEquals(
            List.of(
                "Epoch 14: early stopping",
                "Restoring model weights from the best checkpoint (epoch 9)."),
            second.log);
      }
    }
  }

  @Test
  void freshTrainingResetsCounters() {
    FakeControl control = new FakeControl(0.01);
    EarlyStopping cb = patience5();
    control.trainBegin(List.of(cb));
    control.runEpochs(List.of(cb), "val_loss", SEED_LIKE, 0);
    assertTrue(cb.stopped());
    control.trainBegin(List.of(cb));
    assertFalse(cb.stopped());
    assertEquals(0, cb.waitCount());
    assertEquals(new ArrayList<>(), control.restoredEpochs);
  }
}
