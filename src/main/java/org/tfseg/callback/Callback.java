package org.tfseg.callback;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * A training-loop hook with Keras callback semantics. Epochs are 0-based as in Keras; {@code logs}
 * holds the epoch's metrics ({@code loss}, {@code val_loss}, {@code val_precision}, …).
 * Callbacks run in list order; state that must survive a resume is exported by {@link #state()}.
 */
public interface Callback {
  default void onTrainBegin(TrainingControl control) {}

  default void onEpochBegin(int epoch, TrainingControl control) {}

  /** May add entries to {@code logs} (ReduceLrOnPlateau adds {@code learning_rate}). */
  default void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {}

  default void onTrainEnd(Map<String, Double> lastLogs, TrainingControl control) {}

  /** State saved with each checkpoint (wait counters, best values); null if stateless. */
  default JsonNode state() {
    return null;
  }

  /** Restores what {@link #state()} returned, when training resumes from a checkpoint. */
  default void restoreState(JsonNode state) {}
}
