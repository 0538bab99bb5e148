package org.tfseg.callback;

import java.util.Map;

/**
 * Keeps a run resumable (Keras' {@code BackupAndRestore}): the {@value #LAST} checkpoint after
 * every epoch, and {@value #FINAL} when training ends (after every other callback's {@code
 * onTrainEnd}, so it holds restored best weights). A default callback, always last in the list.
 */
public final class LastCheckpoint implements Callback {
  public static final String LAST = "last";
  public static final String FINAL = "final";

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
    control.saveCheckpoint(LAST);
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs, TrainingControl control) {
    control.saveCheckpoint(FINAL);
  }
}
