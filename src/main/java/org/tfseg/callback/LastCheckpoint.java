package org.tfseg.callback;

import java.util.Map;
import org.tfseg.run.CheckpointStore;

/**
 * Keeps a run resumable (Keras' {@code BackupAndRestore}): a periodic checkpoint after every epoch
 * and, if configured, every N steps or M minutes inside epochs; {@value #FINAL} when training ends
 * (after every other callback's {@code onTrainEnd}, so it holds restored best weights). A default
 * callback, always last in the list.
 */
public final class LastCheckpoint implements Callback {
  public static final String FINAL = "final";

  private final Integer everySteps;
  private final Long everyNanos;
  private long lastSave;

  /**
   * @param everySteps also save every this many global steps (null: epoch ends only)
   * @param everyMinutes also save when this much wall time passed since the last save (null: no)
   */
  public LastCheckpoint(Integer everySteps, Double everyMinutes) {
    this.everySteps = everySteps;
    this.everyNanos = everyMinutes == null ? null : (long) (everyMinutes * 60e9);
  }

  /** Epoch ends only. */
  public LastCheckpoint() {
    this(null, null);
  }

  @Override
  public void onTrainBegin(TrainingControl control) {
    lastSave = System.nanoTime();
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs, TrainingControl control) {
    boolean byStep = everySteps != null && control.globalStep() % everySteps == 0;
    boolean byTime = everyNanos != null && System.nanoTime() - lastSave >= everyNanos;
    if ((byStep || byTime) && batch + 1 < control.stepsInEpoch()) { // the epoch end saves anyway
      save(control);
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
    save(control);
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs, TrainingControl control) {
    control.saveCheckpoint(FINAL);
  }

  private void save(TrainingControl control) {
    control.saveCheckpoint(CheckpointStore.LAST);
    lastSave = System.nanoTime();
  }
}
