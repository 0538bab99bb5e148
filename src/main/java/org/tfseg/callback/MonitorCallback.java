package org.tfseg.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Base of the callbacks that watch one logged quantity (Keras 3's {@code MonitorCallback}): owns
 * the monitor, its resolved mode, {@code min_delta}, the best value so far and the count of epochs
 * without improvement, and checkpoints them so a resumed run decides as the uninterrupted one
 * would. Subclasses add what they act on and their own resumable fields.
 */
public abstract class MonitorCallback implements Callback {
  protected final String monitor;
  protected final MonitorMode mode;
  protected final double minDelta;
  protected double best;
  protected int wait;

  /** Set by {@link #restoreState}, so that the next {@link #onTrainBegin} keeps the state. */
  private boolean resumed;

  /**
   * @param mode AUTO is resolved against {@code monitor}
   */
  protected MonitorCallback(String monitor, MonitorMode mode, double minDelta) {
    this.monitor = monitor;
    this.mode = mode.resolve(monitor);
    this.minDelta = minDelta;
    this.best = this.mode.initialBest();
  }

  public String monitor() {
    return monitor;
  }

  /** MIN or MAX. */
  public MonitorMode mode() {
    return mode;
  }

  public int waitCount() {
    return wait;
  }

  /** Keras' improvement test of this callback ({@link MonitorMode#isImprovement} by default). */
  protected boolean isImprovement(double current, double reference) {
    return mode.isImprovement(current, reference, minDelta);
  }

  /**
   * The monitored value of {@code logs}; when it is absent, logs {@link #missingWarning} and
   * returns null (Keras warns and skips the epoch).
   */
  protected Double monitored(Map<String, Double> logs, TrainingControl control) {
    Double current = logs.get(monitor);
    if (current == null) {
      control.log(missingWarning(StateJson.availableKeys(logs)));
    }
    return current;
  }

  /** Keras' warning for a monitor missing from the logs; {@code available} lists the keys. */
  protected abstract String missingWarning(String available);

  /** Resets what a fresh (not resumed) training starts from; Keras' {@code on_train_begin}. */
  protected void resetForTraining() {}

  @Override
  public final void onTrainBegin(TrainingControl control) {
    if (!resumed) {
      resetForTraining();
    }
    resumed = false;
  }

  @Override
  public ObjectNode state() {
    ObjectNode state = StateJson.object();
    StateJson.putFinite(state, "best", best);
    state.put("wait", wait);
    return state;
  }

  @Override
  public void restoreState(JsonNode state) {
    best = StateJson.finiteOr(state, "best", mode.initialBest());
    wait = StateJson.intOr(state, "wait", 0);
    resumed = true;
  }
}
