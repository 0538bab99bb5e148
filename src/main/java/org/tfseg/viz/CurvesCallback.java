package org.tfseg.viz;

import java.nio.file.Path;
import java.util.Map;
import org.tfseg.callback.Callback;
import org.tfseg.callback.History;
import org.tfseg.callback.TrainingControl;

/**
 * Rewrites {@code RUN/curves.png} ({@link TrainingCurves}) after every epoch from the run's {@link
 * History}; it must come after the history in the callback list, so the epoch is already recorded.
 * On a resume the figure covers the epochs before it too.
 */
public final class CurvesCallback implements Callback {
  private final History history;

  public CurvesCallback(History history) {
    this.history = history;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
    Path run = control.runDirectory();
    String title =
        (run.getParent() == null ? "" : run.getParent().getFileName() + "/")
            + run.getFileName()
            + String.format(" — epoch %d of %d", epoch + 1, control.epochs());
    TrainingCurves.write(history, title, run.resolve(TrainingCurves.FILE));
  }
}
