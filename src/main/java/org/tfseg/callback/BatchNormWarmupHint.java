package org.tfseg.callback;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Says why validation metrics read 0 early in a run, once: validation runs on BatchNorm's moving
 * statistics, which start at (0, 1) and after {@code n} steps still hold {@code momentum^n} of that
 * start — with Keras' 0.99 about 60 % after 50 steps — so the inference tower may predict nothing
 * while the training tower already does. A default callback.
 */
public final class BatchNormWarmupHint implements Callback {
  /** Below this share of the initial statistics the moving averages are warm: no hint. */
  private static final double WARM = 0.01;

  private final double momentum;
  private boolean said;

  /**
   * @param momentum the model's BatchNorm momentum
   */
  public BatchNormWarmupHint(double momentum) {
    this.momentum = momentum;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
    if (said) {
      return;
    }
    List<String> zero = new ArrayList<>();
    for (Map.Entry<String, Double> e : logs.entrySet()) {
      String key = e.getKey();
      if (key.startsWith("val_") && !key.equals("val_loss") && !key.contains("mae")) {
        Double train = logs.get(key.substring(4));
        if (e.getValue() == 0.0 && train != null && train > 0) {
          zero.add(key);
        }
      }
    }
    double left = Math.pow(momentum, control.globalStep());
    if (zero.isEmpty() || left < WARM) {
      return;
    }
    said = true;
    long warm = (long) Math.ceil(Math.log(WARM) / Math.log(momentum));
    control.log(
        String.format(
            Locale.ROOT,
            "Note: %s %s 0 while training's %s not: validation uses BatchNorm's moving statistics, which"
                + " after %d steps at momentum %s still hold %.0f%% of their initial values (warm after"
                + " ~%d steps). For a short run, lower it: --set model.batch_norm.momentum=0.9",
            String.join(", ", zero),
            zero.size() == 1 ? "is" : "are",
            zero.size() == 1 ? "is" : "are",
            control.globalStep(),
            PyFormat.repr(momentum),
            100 * left,
            warm));
  }
}
