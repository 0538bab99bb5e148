package org.tfseg.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Stops training when {@code monitor} stops improving, with the semantics of Keras 3 {@code
 * keras.callbacks.EarlyStopping} (verbose=1).
 *
 * <p>Best weights are an in-memory snapshot and cannot be saved with a checkpoint. After a resume
 * whose best epoch lies before the resume point, and with no better epoch since, there is no
 * snapshot: at the end of training the {@code best} checkpoint is loaded instead. That checkpoint
 * holds the same epoch when {@link ModelCheckpoint} monitors the same key and mode with
 * save_best_only and this callback has min_delta 0 and no baseline; otherwise the two best epochs
 * can differ.
 */
public final class EarlyStopping extends MonitorCallback {
  private final int patience;
  private final Double baseline;
  private final boolean restoreBestWeights;
  private final int startFromEpoch;

  private int stoppedEpoch;
  private int bestEpoch = -1;
  private TrainingControl.WeightSnapshot bestWeights;

  /** The restored best epoch has no snapshot (it was reached before the resume). */
  private boolean bestFromBeforeResume;

  /**
   * @param minDelta its absolute value is used, as in Keras
   * @param baseline if not null, {@code wait} is only reset by epochs that beat it as well as the
   *     best so far
   * @param startFromEpoch epochs (0-based) before this one are not monitored
   */
  public EarlyStopping(
      String monitor,
      double minDelta,
      int patience,
      MonitorMode mode,
      Double baseline,
      boolean restoreBestWeights,
      int startFromEpoch) {
    // Keras sets best once (in _set_monitor_op); on_train_begin does not reset it.
    super(monitor, mode, Math.abs(minDelta));
    if (patience < 0 || startFromEpoch < 0) {
      throw new IllegalArgumentException("patience and start_from_epoch must not be negative");
    }
    this.patience = patience;
    this.baseline = baseline;
    this.restoreBestWeights = restoreBestWeights;
    this.startFromEpoch = startFromEpoch;
  }

  @Override
  protected void resetForTraining() {
    wait = 0;
    stoppedEpoch = 0;
    bestWeights = null;
    bestEpoch = -1;
    bestFromBeforeResume = false;
  }

  @Override
  protected String missingWarning(String available) {
    return "WARNING: Early stopping conditioned on metric `"
        + monitor
        + "` which is not available. Available metrics are: "
        + available;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
    Double current = monitored(logs, control);
    if (current == null || epoch < startFromEpoch) {
      return;
    }
    if (restoreBestWeights && bestWeights == null && !bestFromBeforeResume) {
      // Keras: if best weights were never set, the current weights are the best.
      bestWeights = control.snapshotWeights();
      bestEpoch = epoch;
    }
    wait++;
    if (isImprovement(current, best)) {
      best = current;
      bestEpoch = epoch;
      if (restoreBestWeights) {
        bestWeights = control.snapshotWeights();
        bestFromBeforeResume = false;
      }
      if (baseline == null || isImprovement(current, baseline)) {
        wait = 0;
      }
      return;
    }
    if (wait >= patience && epoch > 0) {
      stoppedEpoch = epoch;
      control.requestStop();
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> lastLogs, TrainingControl control) {
    if (stoppedEpoch > 0) {
      control.log("Epoch " + (stoppedEpoch + 1) + ": early stopping");
    }
    if (!restoreBestWeights) {
      return;
    }
    if (bestWeights != null) {
      control.log(
          "Restoring model weights from the end of the best epoch: " + (bestEpoch + 1) + ".");
      control.restoreWeights(bestWeights);
    } else if (bestFromBeforeResume) {
      control.restoreCheckpoint(ModelCheckpoint.BEST);
      control.log(
          "Restoring model weights from the best checkpoint (epoch " + (bestEpoch + 1) + ").");
    }
  }

  /** True once {@link TrainingControl#requestStop()} was called. */
  public boolean stopped() {
    return stoppedEpoch > 0;
  }

  /** 0-based epoch at which training was stopped, empty if it was not. */
  public OptionalInt stoppedEpoch() {
    return stoppedEpoch > 0 ? OptionalInt.of(stoppedEpoch) : OptionalInt.empty();
  }

  /** 0-based best epoch (Keras {@code best_epoch}), empty before any monitored epoch. */
  public OptionalInt bestEpoch() {
    return bestEpoch < 0 ? OptionalInt.empty() : OptionalInt.of(bestEpoch);
  }

  /** Best monitored value, empty while it is still ±inf. */
  public OptionalDouble bestValue() {
    return Double.isInfinite(best) ? OptionalDouble.empty() : OptionalDouble.of(best);
  }

  @Override
  public ObjectNode state() {
    ObjectNode state = super.state();
    state.put("stopped_epoch", stoppedEpoch);
    StateJson.putEpoch(state, "best_epoch", bestEpoch);
    return state;
  }

  @Override
  public void restoreState(JsonNode state) {
    super.restoreState(state);
    stoppedEpoch = StateJson.intOr(state, "stopped_epoch", 0);
    bestEpoch = StateJson.intOr(state, "best_epoch", -1);
    bestWeights = null;
    bestFromBeforeResume = bestEpoch >= 0;
  }
}
