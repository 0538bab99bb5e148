package org.tfseg.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Saves checkpoints at epoch end with the semantics of Keras 3 {@code
 * keras.callbacks.ModelCheckpoint} (verbose=1, save_freq="epoch"). With {@code saveBestOnly} the
 * checkpoint is {@value #BEST} and is written when the monitor strictly improves (the first
 * monitored epoch always does, against ±inf); otherwise every epoch is written as {@code
 * epoch-NNN} (1-based, as Keras formats {@code {epoch}}).
 *
 * <p>The best epoch and value are tracked in both modes, for the run summary.
 */
public final class ModelCheckpoint implements Callback {
  /** Checkpoint name used with {@code saveBestOnly}. */
  public static final String BEST = "best";

  private final String monitor;
  private final Direction mode;
  private final boolean saveBestOnly;

  private double best;
  private int bestEpoch = -1;

  public ModelCheckpoint(String monitor, String mode, boolean saveBestOnly) {
    this.monitor = monitor;
    this.mode = Direction.resolve(mode, monitor);
    this.saveBestOnly = saveBestOnly;
    this.best = this.mode.initialBest();
  }

  /** Name of the per-epoch checkpoint for a 0-based {@code epoch}: {@code epoch-001} for 0. */
  public static String epochCheckpointName(int epoch) {
    return String.format(Locale.ROOT, "epoch-%03d", epoch + 1);
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
    Double current = logs.get(monitor);
    boolean improved = current != null && mode.isImprovement(current, best, 0.0);
    String previous = PyFormat.fixed(best, 5);
    if (improved) {
      best = current;
      bestEpoch = epoch;
    }
    if (!saveBestOnly) {
      String path = control.saveCheckpoint(epochCheckpointName(epoch));
      control.log("Epoch " + (epoch + 1) + ": saving model to " + path);
      return;
    }
    if (current == null) {
      // Keras saves anyway when it cannot judge.
      control.log("WARNING: Can save best model only with " + monitor + " available.");
      control.saveCheckpoint(BEST);
    } else if (improved) {
      String path = control.saveCheckpoint(BEST);
      control.log(
          "Epoch "
              + (epoch + 1)
              + ": "
              + monitor
              + " improved from "
              + previous
              + " to "
              + PyFormat.fixed(current, 5)
              + ", saving model to "
              + path);
    } else {
      control.log("Epoch " + (epoch + 1) + ": " + monitor + " did not improve from " + previous);
    }
  }

  public String monitor() {
    return monitor;
  }

  public Direction mode() {
    return mode;
  }

  /** 0-based epoch with the best monitored value, empty before any monitored epoch. */
  public OptionalInt bestEpoch() {
    return bestEpoch < 0 ? OptionalInt.empty() : OptionalInt.of(bestEpoch);
  }

  /** Best monitored value, empty before any monitored epoch. */
  public OptionalDouble bestValue() {
    return bestEpoch < 0 ? OptionalDouble.empty() : OptionalDouble.of(best);
  }

  @Override
  public ObjectNode state() {
    ObjectNode state = StateJson.object();
    StateJson.putFinite(state, "best", best);
    StateJson.putEpoch(state, "best_epoch", bestEpoch);
    return state;
  }

  @Override
  public void restoreState(JsonNode state) {
    best = StateJson.finiteOr(state, "best", mode.initialBest());
    bestEpoch = StateJson.intOr(state, "best_epoch", -1);
  }
}
