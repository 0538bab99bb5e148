package org.tfseg.sod;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Accumulates images and produces PySODMetrics' dataset values: every metric per image, then
 * averaged over images; for the threshold curves the per-image 256-vectors are averaged and max and
 * mean are taken of that mean curve.
 */
public final class SodEvaluator {
  private static final int L = ThresholdCounts.LEVELS;
  private final Map<String, ImageScores> perImage = new LinkedHashMap<>();
  private final List<ImageScores> scores = new ArrayList<>();
  private final double[] sumPrecision = new double[L];
  private final double[] sumRecall = new double[L];
  private final double[] sumF = new double[L];
  private final double[] sumE = new double[L];

  /**
   * Adds one image. {@code pred} must already be in [0, 1] (see {@link SodInputs#prediction}); both
   * arrays are h×w row-major.
   */
  public ImageScores add(String id, double[] pred, boolean[] gt, int h, int w) {
    SodImage.checkSizes(pred, gt, h, w);
    if (perImage.containsKey(id)) {
      throw new IllegalArgumentException("image " + id + " added twice");
    }
    ThresholdCounts counts = ThresholdCounts.of(pred, gt);
    Fmeasure.Curve fc = Fmeasure.curve(counts);
    double[] ec = Emeasure.curve(counts);
    for (int k = 0; k < L; k++) {
      sumPrecision[k] += fc.precision()[k];
      sumRecall[k] += fc.recall()[k];
      sumF[k] += fc.f()[k];
      sumE[k] += ec[k];
    }
    ImageScores s =
        new ImageScores(
            Mae.of(pred, gt),
            Smeasure.of(pred, gt, h, w),
            WeightedFmeasure.of(pred, gt, h, w),
            Fmeasure.adaptive(pred, gt),
            NumpySum.mean(fc.f()),
            max(fc.f()),
            Emeasure.adaptive(pred, gt),
            NumpySum.mean(ec),
            max(ec));
    perImage.put(id, s);
    scores.add(s);
    return s;
  }

  public int size() {
    return scores.size();
  }

  public SodReport report() {
    int n = scores.size();
    if (n == 0) {
      throw new IllegalStateException("no images added");
    }
    double[] precision = divide(sumPrecision, n);
    double[] recall = divide(sumRecall, n);
    double[] f = divide(sumF, n);
    double[] e = divide(sumE, n);
    ImageScores dataset =
        new ImageScores(
            meanOf(ImageScores::mae),
            meanOf(ImageScores::smeasure),
            meanOf(ImageScores::wFmeasure),
            meanOf(ImageScores::adpFm),
            NumpySum.mean(f),
            max(f),
            meanOf(ImageScores::adpEm),
            NumpySum.mean(e),
            max(e));
    return new SodReport(dataset, new LinkedHashMap<>(perImage), precision, recall, f, e);
  }

  private double meanOf(java.util.function.ToDoubleFunction<ImageScores> field) {
    return NumpySum.mean(scores.stream().mapToDouble(field).toArray());
  }

  private static double[] divide(double[] sum, int n) {
    double[] out = new double[sum.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = sum[i] / n;
    }
    return out;
  }

  static double max(double[] a) {
    double m = Double.NEGATIVE_INFINITY;
    for (double v : a) {
      m = Math.max(m, v);
    }
    return m;
  }
}
