package org.tfseg.sod;

import java.nio.file.Path;

/**
 * Evaluates a directory of PNG predictions against a directory of PNG masks with PySODMetrics'
 * definitions (see {@link ImagePairs} for pairing and resizing, {@link GreyImage} for the grey
 * conversion, {@link SodInputs} for thresholding and normalisation).
 */
public final class PredictionDirEvaluator {
  private PredictionDirEvaluator() {}

  public static SodReport evaluate(Path predDir, Path gtDir) {
    SodEvaluator ev = new SodEvaluator();
    for (ImagePairs.Pair pair : ImagePairs.of(predDir, gtDir)) {
      ImagePairs.Loaded l = pair.load();
      ev.add(
          l.id(),
          SodInputs.prediction(l.prediction().values()),
          SodInputs.mask(l.mask().values()),
          l.mask().height(),
          l.mask().width());
    }
    return ev.report();
  }
}
