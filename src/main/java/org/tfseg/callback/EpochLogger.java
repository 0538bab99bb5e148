package org.tfseg.callback;

import java.util.Locale;
import java.util.Map;

/** Writes one line per epoch with all its logs to the run log ({@code train.log}). */
public final class EpochLogger implements Callback {
  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
    control.logToFile("epoch " + (epoch + 1) + "/" + control.epochs() + ": " + format(logs));
  }

  /** {@code key=value, …} with six significant digits. */
  public static String format(Map<String, Double> logs) {
    StringBuilder b = new StringBuilder();
    logs.forEach(
        (k, v) ->
            b.append(b.length() == 0 ? "" : ", ")
                .append(k)
                .append('=')
                .append(String.format(Locale.ROOT, "%.6g", v)));
    return b.toString();
  }
}
