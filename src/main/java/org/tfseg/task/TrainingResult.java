package org.tfseg.task;

import java.util.Map;
import org.tfseg.run.RunDirectory;

/**
 * A finished training run.
 *
 * @param run the run folder (experiment, log, history, checkpoints)
 * @param logs the last epoch's logs
 */
public record TrainingResult(RunDirectory run, Map<String, Double> logs) {
  /** The checkpoint to evaluate or export: {@code best}, else {@code final}, else {@code last}. */
  public String checkpoint() {
    return run.preferredCheckpoint();
  }
}
