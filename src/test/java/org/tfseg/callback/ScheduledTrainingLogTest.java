package org.tfseg.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.summary.EventFiles;
import org.tfseg.task.SegmentationTask;
import org.tfseg.task.TrainingRunner;

/**
 * A scheduled learning rate as the user sees it: a tiny quickstart trains 2 epochs of 3 steps with
 * a warmup then exponential decay, and is resumed for a third epoch. Every step's {@code
 * batch_learning_rate} (TensorBoard, {@code update_freq} 1) is the schedule at that step, each
 * epoch's {@code learning_rate} (history) the rate of its last step, the resumed epoch included.
 */
class ScheduledTrainingLogTest {
  private static final int STEPS_PER_EPOCH = 3;
  private static final double LR = 1e-3;

  /** Warmup 1e-4 → 1e-3 over 2 steps, then halving every step. */
  private static double rate(long step) {
    return step < 2 ? 1e-4 + (LR - 1e-4) * step / 2 : LR * Math.pow(0.5, step - 2);
  }

  @Test
  void theRateOfEveryStepAndEpochIsLogged(@TempDir Path tmp) throws IOException {
    Path run = runner(tmp, 2).train().run().root();
    runner(tmp, 3).resume(run);

    List<EventFiles.Value> batch =
        EventFiles.values(run.resolve("tensorboard/train"), "batch_learning_rate");
    assertEquals(3 * STEPS_PER_EPOCH, batch.size());
    for (EventFiles.Value v : batch) {
      float expected = (float) rate(v.step() - 1); // global step t ran at schedule(t − 1)
      assertEquals(expected, v.scalar(), 0, "batch_learning_rate at global step " + v.step());
    }
    JsonNode history = new ObjectMapper().readTree(run.resolve("history.json").toFile());
    JsonNode epochRates = history.get("learning_rate");
    assertEquals(3, epochRates.size());
    for (int e = 0; e < 3; e++) {
      float expected = (float) rate((long) STEPS_PER_EPOCH * (e + 1) - 1);
      assertEquals(expected, (float) epochRates.get(e).doubleValue(), 0, "epoch " + e);
    }
  }

  private static TrainingRunner runner(Path tmp, int epochs) {
    String root = tmp.toString();
    SegmentationTask task =
        SegmentationTask.load(
            Path.of("experiments/quickstart.json"),
            "training.epochs=" + epochs,
            "training.steps_per_epoch=" + STEPS_PER_EPOCH,
            "run_root=" + root + "/runs",
            "data.image_size=[32,32]",
            "data.train.root=" + root + "/train",
            "data.train.count=40",
            "data.train.size=[32,32]",
            "data.test.root=" + root + "/test",
            "data.test.count=4",
            "data.test.size=[32,32]",
            "optimizer.learning_rate=" + LR,
            "optimizer.schedule={\"type\":\"exponential_decay\",\"decay_steps\":1,"
                + "\"decay_rate\":0.5,\"warmup\":{\"steps\":2,\"start_learning_rate\":1e-4}}",
            "training.callbacks=[{\"type\":\"tensorboard\",\"update_freq\":1}]");
    return new TrainingRunner(task, new PrintStream(new ByteArrayOutputStream()), false);
  }
}
