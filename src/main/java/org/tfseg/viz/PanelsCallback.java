package org.tfseg.viz;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.tfseg.callback.Callback;
import org.tfseg.callback.ImageSamples;
import org.tfseg.callback.TrainingControl;

/**
 * After every epoch, {@link PredictionPanels} of the first {@code count} validation images (the
 * same ones each epoch) predicted on the inference tower, written to {@code
 * RUN/panels/epoch-NNN.png} (NNN 1-based, as the console counts epochs). Without a validation split
 * it writes nothing.
 */
public final class PanelsCallback implements Callback {
  /** The panels' folder in a run folder. */
  public static final String FOLDER = "panels";

  private final int count;

  public PanelsCallback(int count) {
    this.count = count;
  }

  /** The panel file of {@code epoch} (0-based) in {@code run}. */
  public static Path file(Path run, int epoch) {
    return run.resolve(FOLDER).resolve(String.format(Locale.ROOT, "epoch-%03d.png", epoch + 1));
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
    Optional<ImageSamples> samples = control.validationSamples(count);
    if (samples.isEmpty() || samples.get().count() == 0) {
      return;
    }
    ImageSamples s = samples.get();
    String caption =
        String.format(
            Locale.ROOT,
            "epoch %d of %d · first %d validation images",
            epoch + 1,
            control.epochs(),
            s.count());
    Double valLoss = logs.get("val_loss");
    if (valLoss != null) {
      caption += String.format(Locale.ROOT, " · val_loss %.4f", valLoss);
    }
    PngFiles.writeAtomically(
        PredictionPanels.render(s, control.predict(s), control.numClasses(), caption),
        file(control.runDirectory(), epoch));
  }
}
