package org.tfseg.callback;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A training-loop hook with Keras' callback set and semantics. Epochs and batches are 0-based as in
 * Keras. Epoch {@code logs} hold the epoch's values ({@code loss}, {@code val_loss}, {@code
 * val_precision}, {@code learning_rate}, …); train-batch logs the running epoch values plus {@code
 * learning_rate} (the rate the step used) and {@code size} (the batch's images); test hooks run
 * during the validation pass. Callbacks run in list order; state that must survive a resume is
 * exported by {@link #state()}.
 */
public interface Callback {
  default void onTrainBegin(TrainingControl control) {}

  /** After the last epoch, with its logs (empty if no epoch ran). */
  default void onTrainEnd(Map<String, Double> logs, TrainingControl control) {}

  default void onEpochBegin(int epoch, TrainingControl control) {}

  /** May add entries to {@code logs} (ReduceLrOnPlateau adds {@code learning_rate}). */
  default void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {}

  default void onTrainBatchBegin(int batch, TrainingControl control) {}

  default void onTrainBatchEnd(int batch, Map<String, Double> logs, TrainingControl control) {}

  default void onTestBegin(TrainingControl control) {}

  default void onTestEnd(Map<String, Double> logs, TrainingControl control) {}

  default void onTestBatchBegin(int batch, TrainingControl control) {}

  default void onTestBatchEnd(int batch, Map<String, Double> logs, TrainingControl control) {}

  /** State saved with each checkpoint (wait counters, best values); null if stateless. */
  default JsonNode state() {
    return null;
  }

  /** Restores what {@link #state()} returned, when training resumes from a checkpoint. */
  default void restoreState(JsonNode state) {}
}
