package org.tfseg.sod;

import java.io.IOException;
import java.util.List;
import org.tfseg.UserError;
import org.tfseg.data.SamplePair;
import org.tfseg.export.Mask;
import org.tfseg.export.MaskPng;
import org.tfseg.export.Predictor;

/**
 * PySODMetrics scores of a model on image/mask pairs at the masks' original resolution. Each image
 * goes through the predictor's encoded-image path (decode, resize to the model size, predict the
 * primary output, resize the probabilities back to the image's size bilinearly, as BASNet and
 * U²-Net do), is quantised to the 8-bit grey values {@code predict} writes ({@code round(255·p)}),
 * and scored against the original mask. So this equals {@code eval --pred-dir} on the PNGs {@code
 * predict} writes for the same weights.
 */
public final class SodScoring {
  private SodScoring() {}

  public static SodReport score(Predictor predictor, List<SamplePair> samples) throws IOException {
    SodEvaluator evaluator = new SodEvaluator();
    for (SamplePair sample : samples) {
      Mask mask = predictor.predictFile(sample.image());
      if (mask.channels() != 1) {
        throw new UserError(
            "the sod metrics need a one-class (sigmoid) model, this one has "
                + mask.channels()
                + " classes");
      }
      GreyImage gt = GreyImage.read(sample.mask());
      GreyImage pred = new GreyImage(mask.width(), mask.height(), MaskPng.grey(mask, false));
      if (pred.width() != gt.width() || pred.height() != gt.height()) {
        pred = PilBilinear.resize(pred, gt.width(), gt.height()); // as eval --pred-dir would
      }
      evaluator.add(
          sample.mask().getFileName().toString(),
          SodInputs.prediction(pred.values()),
          SodInputs.mask(gt.values()),
          gt.height(),
          gt.width());
    }
    return evaluator.report();
  }
}
