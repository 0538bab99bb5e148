package org.tfseg.viz;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tfseg.callback.ImageSamples;
import org.tfseg.export.Predictor;
import org.tfseg.graph.Tensors;

/**
 * The {@link PredictionPanels} of an evaluation: the first images of the evaluated split at the
 * model's input size, predicted by the evaluated model; {@code eval} writes it beside the report as
 * {@code <report>-panel.png}.
 */
public final class EvalPanel {
  private EvalPanel() {}

  /** {@code report.json} → {@code report-panel.png} in the same folder (as the SOD plots). */
  public static Path fileFor(Path report) {
    String name = report.getFileName().toString();
    String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return report.resolveSibling(stem + "-panel.png");
  }

  /**
   * Predicts {@code samples} with {@code predictor} and draws their panel.
   *
   * @param classes the model's output channels (1: sigmoid)
   */
  public static BufferedImage render(
      Predictor predictor, ImageSamples samples, int classes, String caption) {
    float[] probabilities;
    try (TFloat32 x =
        Tensors.of(
            Shape.of(samples.count(), samples.height(), samples.width(), samples.channels()),
            samples.images())) {
      probabilities = predictor.predict(x);
    }
    return PredictionPanels.render(samples, probabilities, classes, caption);
  }
}
