package org.tfseg.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Reduces the learning rate when {@code monitor} stops improving, with the semantics of Keras 3
 * {@code keras.callbacks.ReduceLROnPlateau} (verbose=1). Adds {@code learning_rate} (the rate used
 * during the epoch, before any reduction) to the epoch logs.
 */
public final class ReduceLrOnPlateau implements Callback {
  private final String monitor;
  private final double factor;
  private final int patience;
  private final Direction mode;
  private final double minDelta;
  private final int cooldown;
  private final double minLr;

  private double best;
  private int wait;
  private int cooldownCounter;
  /** Set by {@link #restoreState}, so that the next {@link #onTrainBegin} keeps the state. */
  private boolean resumed;

  /**
   * @param mode "auto", "min" or "max" (see {@link Direction#resolve})
   * @throws IllegalArgumentException if {@code factor >= 1} (as Keras), or patience, cooldown or
   *     minLr is negative
   */
  public ReduceLrOnPlateau(
      String monitor,
      double factor,
      int patience,
      String mode,
      double minDelta,
      int cooldown,
      double minLr) {
    if (factor >= 1.0) {
      throw new IllegalArgumentException(
          "ReduceLrOnPlateau does not support a factor >= 1.0, got " + factor);
    }
    if (patience < 0 || cooldown < 0 || minLr < 0) {
      throw new IllegalArgumentException("patience, cooldown and min_lr must not be negative");
    }
    this.monitor = monitor;
    this.factor = factor;
    this.patience = patience;
    this.mode = Direction.resolve(mode, monitor);
    this.minDelta = minDelta;
    this.cooldown = cooldown;
    this.minLr = minLr;
    reset();
  }

  private void reset() {
    best = mode.initialBest();
    wait = 0;
    cooldownCounter = 0;
  }

  @Override
  public void onTrainBegin(TrainingControl control) {
    if (!resumed) {
      reset();
    }
    resumed = false;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
    logs.put("learning_rate", control.learningRate());
    Double current = logs.get(monitor);
    if (current == null) {
      control.log(
          "WARNING: Learning rate reduction is conditioned on metric `"
              + monitor
              + "` which is not available. Available metrics are: "
              + StateJson.availableKeys(logs)
              + ".");
      return;
    }
    if (inCooldown()) {
      cooldownCounter--;
      wait = 0;
    }
    if (mode.isPlateauImprovement(current, best, minDelta)) {
      best = current;
      wait = 0;
    } else if (!inCooldown()) {
      wait++;
      if (wait >= patience) {
        double oldLr = control.learningRate();
        // Keras: `old_lr > np.float32(self.min_lr)`, the optimizer variable being float32.
        if (oldLr > (double) (float) minLr) {
          double newLr = Math.max(oldLr * factor, minLr);
          control.setLearningRate(newLr);
          control.log(
              "Epoch "
                  + (epoch + 1)
                  + ": ReduceLrOnPlateau reducing learning rate to "
                  + PyFormat.repr(newLr)
                  + ".");
          cooldownCounter = cooldown;
          wait = 0;
        }
      }
    }
  }

  private boolean inCooldown() {
    return cooldownCounter > 0;
  }

  public String monitor() {
    return monitor;
  }

  public Direction mode() {
    return mode;
  }

  /** Best monitored value so far (±inf before the first epoch). */
  public double best() {
    return best;
  }

  public int waitCount() {
    return wait;
  }

  public int cooldownCounter() {
    return cooldownCounter;
  }

  @Override
  public ObjectNode state() {
    ObjectNode state = StateJson.object();
    StateJson.putFinite(state, "best", best);
    state.put("wait", wait);
    state.put("cooldown_counter", cooldownCounter);
    return state;
  }

  @Override
  public void restoreState(JsonNode state) {
    best = StateJson.finiteOr(state, "best", mode.initialBest());
    wait = StateJson.intOr(state, "wait", 0);
    cooldownCounter = StateJson.intOr(state, "cooldown_counter", 0);
    resumed = true;
  }
}
