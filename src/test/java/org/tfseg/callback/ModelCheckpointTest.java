package org.tfseg.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelCheckpointTest {
  private static final String PATH = "/runs/x/run-001/checkpoints/";

  @Test
  void savesOnlyStrictImprovements() {
    FakeControl control = new FakeControl(0.01);
    ModelCheckpoint cb = new ModelCheckpoint("val_loss", MonitorMode.AUTO, true);
    assertTrue(cb.bestEpoch().isEmpty());
    control.runEpochs(List.of(cb), "val_loss", new double[] {0.5, 0.4, 0.4, 0.45, 0.3}, 0);
    assertEquals(
        List.of(
            "Epoch 1: val_loss improved from inf to 0.50000, saving model to " + PATH + "best/ckpt",
            "Epoch 2: val_loss improved from 0.50000 to 0.40000, saving model to "
                + PATH
                + "best/ckpt",
            "Epoch 3: val_loss did not improve from 0.40000",
            "Epoch 4: val_loss did not improve from 0.40000",
            "Epoch 5: val_loss improved from 0.40000 to 0.30000, saving model to "
                + PATH
                + "best/ckpt"),
        control.log);
    assertEquals(List.of("best", "best", "best"), control.saved);
    assertEquals(4, cb.bestEpoch().getAsInt());
    assertEquals(0.3, cb.bestValue().getAsDouble());
  }

  @Test
  void maxModeForIou() {
    FakeControl control = new FakeControl(0.01);
    ModelCheckpoint cb = new ModelCheckpoint("val_iou", MonitorMode.AUTO, true);
    control.runEpochs(List.of(cb), "val_iou", new double[] {0.2, 0.6, 0.5}, 0);
    assertEquals(
        "Epoch 1: val_iou improved from -inf to 0.20000, saving model to " + PATH + "best/ckpt",
        control.log.get(0));
    assertEquals(2, control.saved.size());
    assertEquals(1, cb.bestEpoch().getAsInt());
  }

  @Test
  void savesEveryEpochWhenNotBestOnly() {
    FakeControl control = new FakeControl(0.01);
    ModelCheckpoint cb = new ModelCheckpoint("val_loss", MonitorMode.MIN, false);
    control.runEpochs(List.of(cb), "val_loss", new double[] {0.5, 0.6, 0.4}, 0);
    assertEquals(List.of("epoch-001", "epoch-002", "epoch-003"), control.saved);
    assertEquals("Epoch 2: saving model to " + PATH + "epoch-002/ckpt", control.log.get(1));
    assertEquals(2, cb.bestEpoch().getAsInt());
  }

  @Test
  void resumedStateKeepsTheBest() throws Exception {
    ModelCheckpoint a = new ModelCheckpoint("val_loss", MonitorMode.AUTO, true);
    FakeControl first = new FakeControl(0.01);
    first.runEpochs(List.of(a), "val_loss", new double[] {0.5, 0.3}, 0);

    ModelCheckpoint b = new ModelCheckpoint("val_loss", MonitorMode.AUTO, true);
    b.restoreState(new ObjectMapper().readTree(a.state().toString()));
    FakeControl second = new FakeControl(0.01);
    second.runEpochs(List.of(b), "val_loss", new double[] {0.5, 0.3, 0.35, 0.2}, 2);
    assertEquals(
        List.of(
            "Epoch 3: val_loss did not improve from 0.30000",
            "Epoch 4: val_loss improved from 0.30000 to 0.20000, saving model to "
                + PATH
                + "best/ckpt"),
        second.log);
    assertEquals(3, b.bestEpoch().getAsInt());

    ModelCheckpoint fresh = new ModelCheckpoint("val_loss", MonitorMode.AUTO, true);
    fresh.restoreState(new ObjectMapper().readTree(fresh.state().toString()));
    assertTrue(fresh.bestEpoch().isEmpty());
  }
}
