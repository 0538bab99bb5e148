package org.tfseg.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The training state saved beside a checkpoint's variables ({@code PREFIX.json}): what the
 * variables cannot hold but an exact resume needs — also in the middle of an epoch.
 *
 * @param epochsCompleted epochs finished when the checkpoint was written
 * @param step optimizer steps applied
 * @param learningRate the learning-rate variable's value
 * @param batchesInEpoch batches of epoch {@code epochsCompleted} already trained (0 at an epoch
 *     boundary)
 * @param epochProgress the running epoch values of those batches (null at an epoch boundary)
 * @param callbacks each callback's state, in callback-list order
 * @param firstLoss the run's first training step loss, the divergence guard's reference (null
 *     before the first step, and in checkpoints written before it was recorded)
 */
public record CheckpointState(
    int epochsCompleted,
    long step,
    double learningRate,
    int batchesInEpoch,
    JsonNode epochProgress,
    JsonNode callbacks,
    Double firstLoss) {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static Path file(String prefix) {
    return Path.of(prefix + ".json");
  }

  public void write(String prefix) {
    ObjectNode state = JSON.createObjectNode();
    state.put("epochs_completed", epochsCompleted);
    state.put("step", step);
    state.put("learning_rate", learningRate);
    state.put("batches_in_epoch", batchesInEpoch);
    state.set("epoch_progress", epochProgress);
    state.set("callbacks", callbacks);
    if (firstLoss != null) {
      state.put("first_loss", firstLoss);
    }
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(file(prefix).toFile(), state);
    } catch (IOException e) {
      throw new UncheckedIOException("writing checkpoint state " + file(prefix), e);
    }
  }

  /**
   * @throws DamagedCheckpoint when the file is missing or not a checkpoint state
   */
  public static CheckpointState read(String prefix) {
    Path file = file(prefix);
    if (!Files.isRegularFile(file)) {
      throw new DamagedCheckpoint(file + ": missing; this checkpoint cannot be resumed from");
    }
    JsonNode state;
    try {
      state = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new DamagedCheckpoint(file + ": unreadable checkpoint state (" + e.getMessage() + ")");
    }
    if (state == null
        || !state.path("epochs_completed").canConvertToInt()
        || !state.path("step").isIntegralNumber()
        || !state.path("learning_rate").isNumber()) {
      throw new DamagedCheckpoint(
          file + ": not a checkpoint state (expected epochs_completed, step and learning_rate)");
    }
    JsonNode progress = state.get("epoch_progress");
    return new CheckpointState(
        state.get("epochs_completed").asInt(),
        state.get("step").asLong(),
        state.get("learning_rate").asDouble(),
        state.path("batches_in_epoch").asInt(0),
        progress == null || progress.isNull() ? null : progress,
        state.get("callbacks"),
        state.path("first_loss").isNumber() ? state.get("first_loss").asDouble() : null);
  }
}
