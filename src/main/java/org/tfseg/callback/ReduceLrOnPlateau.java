package org.tfseg.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Reduces the learning rate when {@code monitor} stops improving, with the semantics of Keras 3
 * {@code keras.callbacks.ReduceLROnPlateau} (verbose=1). Adds {@code learning_rate} (the rate used
 * during the epoch, before any reduction) to the epoch logs.
 */
public final class ReduceLrOnPlateau extends MonitorCallback {
  private final double factor;
  private final int patience;
  private final int cooldown;
  private final double minLr;

  private int cooldownCounter;

  /**
   * @throws IllegalArgumentException if {@code factor >= 1} (as Keras), or patience, cooldown or
   *     minLr is negative
   */
  public ReduceLrOnPlateau(
      String monitor,
      double factor,
      int patience,
      MonitorMode mode,
      double minDelta,
      int cooldown,
      double minLr) {
    super(monitor, mode, minDelta);
    if (factor >= 1.0) {
      throw new IllegalArgumentException(
          "ReduceLROnPlateau does not support a factor >= 1.0, got " + factor);
    }
    if (patience < 0 || cooldown < 0 || minLr < 0) {
      throw new IllegalArgumentException("patience, cooldown and min_lr must not be negative");
    }
    this.factor = factor;
    this.patience = patience;
    this.cooldown = cooldown;
    this.minLr = minLr;
  }

  @Override
  protected void resetForTraining() {
    best = mode.initialBest();
    wait = 0;
    cooldownCounter = 0;
  }

  /** Keras' plateau test: {@code less(current, best - min_delta)} in float64. */
  @Override
  protected boolean isImprovement(double current, double reference) {
    return mode.isPlateauImprovement(current, reference, minDelta);
  }

  @Override
  protected String missingWarning(String available) {
    return "WARNING: Learning rate reduction is conditioned on metric `"
        + monitor
        + "` which is not available. Available metrics are: "
        + available
        + ".";
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
    logs.put("learning_rate", control.learningRate());
    Double current = monitored(logs, control);
    if (current == null) {
      return;
    }
    if (inCooldown()) {
      cooldownCounter--;
      wait = 0;
    }
    if (isImprovement(current, best)) {
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
                  + ": ReduceLROnPlateau reducing learning rate to "
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

  /** Best monitored value so far (±inf before the first epoch). */
  public double best() {
    return best;
  }

  public int cooldownCounter() {
    return cooldownCounter;
  }

  @Override
  public ObjectNode state() {
    ObjectNode state = super.state();
    state.put("cooldown_counter", cooldownCounter);
    return state;
  }

  @Override
  public void restoreState(JsonNode state) {
    super.restoreState(state);
    cooldownCounter = StateJson.intOr(state, "cooldown_counter", 0);
  }
}
