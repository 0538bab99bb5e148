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
 * monitored epoch always does, against ±inf); otherwise every epoch is written as {@code epoch-NNN}
 * (1-based, as Keras formats {@code {epoch}}).
 *
 * <p>The best epoch and value are tracked in both modes, for the run summary.
 */
public final class ModelCheckpoint extends MonitorCallback {
  /** Checkpoint name used with {@code saveBestOnly}. */
  public static final String BEST = "best";

  private final boolean saveBestOnly;
  private int bestEpoch = -1;

  public ModelCheckpoint(String monitor, MonitorMode mode, boolean saveBestOnly) {
    super(monitor, mode, 0.0);
    this.saveBestOnly = saveBestOnly;
  }

  /** Name of the per-epoch checkpoint for a 0-based {@code epoch}: {@code epoch-001} for 0. */
  public static String epochCheckpointName(int epoch) {
    return String.format(Locale.ROOT, "epoch-%03d", epoch + 1);
  }

  @Override
  protected String missingWarning(String available) {
    // Keras saves anyway when it cannot judge.
    return "WARNING: Can save best model only with " + monitor + " available.";
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
    Double current = logs.get(monitor);
    boolean improved = current != null && isImprovement(current, best);
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
      monitored(logs, control);
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
    ObjectNode state = super.state();
    StateJson.putEpoch(state, "best_epoch", bestEpoch);
    return state;
  }

  @Override
  public void restoreState(JsonNode state) {
    super.restoreState(state);
    bestEpoch = StateJson.intOr(state, "best_epoch", -1);
  }
}
