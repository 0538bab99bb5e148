package org.tfseg.callback;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keras' {@code ProgbarLogger}: a {@link ProgressBar} per epoch on the console, fed by the batch
 * logs (running epoch values) and finished with the epoch logs. A default callback of every fit.
 */
public final class ProgbarLogger implements Callback {
  private final PrintStream out;
  private final boolean interactive;
  private ProgressBar bar;

  /**
   * @param interactive whether {@code out} is a terminal (the bar is redrawn in place)
   */
  public ProgbarLogger(PrintStream out, boolean interactive) {
    this.out = out;
    this.interactive = interactive;
  }

  @Override
  public void onEpochBegin(int epoch, TrainingControl control) {
    bar = new ProgressBar(out, control.stepsInEpoch(), interactive);
    bar.startEpoch(epoch, control.epochs());
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs, TrainingControl control) {
    Map<String, Double> shown = new LinkedHashMap<>(logs);
    Double size = shown.remove("size");
    shown.remove("learning_rate"); // shown at the epoch's end, as Keras shows it
    bar.update(batch + 1, shown, size == null ? 0 : size.intValue());
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
    bar.finish(logs);
  }
}
