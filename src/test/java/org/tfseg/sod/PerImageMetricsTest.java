package org.tfseg.sod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Per-image metrics on arrays small enough to work out by hand. */
class PerImageMetricsTest {
  private static final double EPS = Math.ulp(1.0);
  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void maeIsMeanAbsoluteDifference() {
    // |0-0| + |0.5-1| + |1-1| + |0.25-0| = 0.75 over 4 pixels
    assertEquals(0.1875, Mae.of(new double[] {0, 0.5, 1, 0.25}, new boolean[] {F, T, T, F}), 0);
  }

  @Test
  void adaptiveFUsesTwiceTheMeanAsThreshold() {
    // mean 1/3 → threshold 2/3 → B = {0, 1}; TP 1 of |B| 2 and |gt| 2 → P = R = 0.5 → F = 0.5
    double[] p = {0.9, 0.8, 0.1, 0.0, 0.2, 0.0};
    boolean[] gt = {T, F, T, F, F, F};
    assertEquals(0.5, Fmeasure.adaptive(p, gt), 1e-15);
    // the binary map misses the foreground → 0
    assertEquals(0.0, Fmeasure.adaptive(p, new boolean[] {F, F, T, F, F, F}));
  }

  @Test
  void adaptiveThresholdIsCappedAtOne() {
    // mean 0.75 → min(1.5, 1) = 1 → only the pixel at 1.0 is positive: P = 1, R = 1/3
    double[] p = {1.0, 0.5, 0.75, 0.75};
    boolean[] gt = {T, T, T, F};
    double pre = 1.0;
    double rec = 1.0 / 3;
    assertEquals(1.3 * pre * rec / (0.3 * pre + rec), Fmeasure.adaptive(p, gt), 1e-15);
  }

  @Test
  void fCurveAtTheLoosestThresholdIsEveryPixelPositive() {
    double[] p = {0.9, 0.8, 0.1, 0.0};
    boolean[] gt = {T, F, F, F};
    Fmeasure.Curve c = Fmeasure.curve(p, gt);
    // k = 255 ↔ q ≥ 0: P = 1/4, R = 1
    assertEquals(0.25, c.precision()[255], 0);
    assertEquals(1.0, c.recall()[255], 0);
    // q(0.9) = 229 → k = 255 − 229 = 26 is the first index where the foreground pixel is positive
    assertEquals(0.0, c.f()[25], 0);
    assertEquals(1.0, c.f()[26], 1e-15);
    // q(0.8) = 204 → from k = 51 on, P = 1/2
    assertEquals(0.5, c.precision()[51], 0);
    assertEquals(1.3 * 0.5 / (0.3 * 0.5 + 1), c.f()[51], 1e-15);
  }

  @Test
  void quantisationTruncates() {
    // 0.999 · 255 = 254.745 → 254: not positive at level 255 (k = 0), positive at k = 1
    Fmeasure.Curve c = Fmeasure.curve(new double[] {0.999, 0}, new boolean[] {T, F});
    assertEquals(0.0, c.recall()[0], 0);
    assertEquals(1.0, c.recall()[1], 0);
  }

  @Test
  void emeasureWithEmptyForegroundCountsNegatives() {
    // G = 0: E = #(¬B) / (N − 1 + EPS)
    double[] p = {0, 0, 0, 1};
    boolean[] gt = {F, F, F, F};
    assertEquals(3 / (3 + EPS), Emeasure.adaptive(p, gt), 0); // threshold 0.5 → B = {3}
    double[] curve = Emeasure.curve(p, gt);
    assertEquals(3 / (3 + EPS), curve[0], 0); // q ≥ 255: only pixel 3
    assertEquals(0.0, curve[255], 0); // q ≥ 0: every pixel positive
  }

  @Test
  void emeasureWithFullForegroundCountsPositives() {
    // G = N: E = #(B) / (N − 1 + EPS); mean 0.625 → threshold 1 → B = {0, 1}
    double[] p = {1, 1, 0.5, 0};
    boolean[] gt = {T, T, T, T};
    assertEquals(2 / (3 + EPS), Emeasure.adaptive(p, gt), 0);
    assertEquals(4 / (3 + EPS), Emeasure.curve(p, gt)[255], 0);
  }

  @Test
  void emeasureOfPerfectAndInvertedMaps() {
    // B = gt: every cell has ξ = 1, φ = 1 → N / (N − 1 + EPS)
    assertEquals(4 / (3 + EPS), Emeasure.score(1, 1, 1, 4), 1e-14);
    // B = ¬gt: the two occupied cells have ξ = −1, φ = 0
    assertEquals(0.0, Emeasure.score(0, 3, 1, 4), 1e-15);
  }

  @Test
  void smeasureWithEmptyForegroundIsOneMinusMeanPrediction() {
    assertEquals(0.7, Smeasure.of(new double[] {0.2, 0.4}, new boolean[] {F, F}, 1, 2), 1e-15);
  }

  @Test
  void smeasureWithFullForegroundIsMeanPrediction() {
    assertEquals(0.3, Smeasure.of(new double[] {0.2, 0.4}, new boolean[] {T, T}, 2, 1), 1e-15);
  }

  @Test
  void smeasureOfAPerfectPredictionIsOne() {
    boolean[] gt = {F, F, F, F, T, T, F, T, T, F, F, F};
    double[] p = new double[gt.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = gt[i] ? 1 : 0;
    }
    assertEquals(1.0, Smeasure.of(p, gt, 3, 4), 1e-12);
  }

  @Test
  void smeasureWithCentroidOnTheLastPixelIsFinite() {
    // foreground only at (2, 2) of 3×3 → centroid rounds to (2, 2) → cy = cx = 3 → the right and
    // bottom quadrants are empty (PySODMetrics: NaN); their weights are 0, they contribute 0.
    boolean[] gt = new boolean[9];
    gt[8] = true;
    double[] p = {0.1, 0.2, 0.0, 0.3, 0.5, 0.1, 0.0, 0.2, 0.9};
    double s = Smeasure.of(p, gt, 3, 3);
    assertFalse(Double.isNaN(s));
    double whole = Smeasure.ssim(p, gt, 3, 0, 3, 0, 3);
    double expected = 0.5 * Smeasure.object(p, gt, 1.0 / 9) + 0.5 * whole;
    assertEquals(Math.max(0, expected), s, 1e-15);
    assertEquals(0.0, Smeasure.ssim(p, gt, 3, 3, 3, 0, 3));
  }

  @Test
  void objectScoreOfASinglePixelUsesZeroDeviation() {
    // y = 1/2; fg = {0.8}: 2·0.8 / (0.64 + 1 + 0 + EPS); bg (1 − p) = {0.6}: 1.2 / (0.36 + 1 + EPS)
    double o = Smeasure.object(new double[] {0.8, 0.4}, new boolean[] {T, F}, 0.5);
    assertEquals(0.5 * 1.6 / 1.64 + 0.5 * 1.2 / 1.36, o, 1e-15);
  }

  @Test
  void weightedFOfAPerfectPredictionIsOneAndOfEmptyGtIsZero() {
    boolean[] gt = {F, F, F, F, T, T, F, T, T, F, F, F};
    double[] p = new double[gt.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = gt[i] ? 1 : 0;
    }
    assertEquals(1.0, WeightedFmeasure.of(p, gt, 3, 4), 1e-12);
    assertEquals(0.0, WeightedFmeasure.of(p, new boolean[12], 3, 4));
    double[] ones = new double[12];
    java.util.Arrays.fill(ones, 1.0);
    assertTrue(WeightedFmeasure.of(ones, gt, 3, 4) < 0.9); // background errors are penalised
  }

  @Test
  void gaussianKernelIsNormalisedAndPeaked() {
    double[] k = WeightedFmeasure.gaussian(7, 5.0);
    double sum = 0;
    for (double v : k) {
      sum += v;
    }
    assertEquals(1.0, sum, 1e-15);
    assertEquals(Math.exp(-18.0 / 50) / Math.exp(0), k[0] / k[24], 1e-15);
  }

  @Test
  void constantPredictionIsNotNormalised() {
    double[] p = SodInputs.prediction(new int[] {100, 100, 100});
    assertEquals(100 / 255.0, p[0], 0);
    assertEquals(100 / 255.0, p[2], 0);
    double[] q = SodInputs.prediction(new int[] {51, 102, 255});
    assertEquals(0.0, q[0], 0);
    assertEquals(0.25, q[1], 1e-15);
    assertEquals(1.0, q[2], 0);
  }

  @Test
  void maskThresholdIsStrictlyAbove128() {
    boolean[] gt = SodInputs.mask(new int[] {0, 128, 129, 255});
    assertFalse(gt[0]);
    assertFalse(gt[1]);
    assertTrue(gt[2]);
    assertTrue(gt[3]);
  }

  @Test
  void datasetCurvesAreAveragedBeforeMax() {
    // Two images whose best thresholds differ: max of the mean curve < mean of the maxima.
    SodEvaluator ev = new SodEvaluator();
    ev.add("a", new double[] {0.9, 0.2, 0.1, 0.0}, new boolean[] {T, F, F, F}, 2, 2);
    ev.add("b", new double[] {0.1, 0.1, 0.05, 0.0}, new boolean[] {T, T, F, F}, 2, 2);
    SodReport r = ev.report();
    double[] f = r.fmeasureCurve();
    double max = 0;
    for (double v : f) {
      max = Math.max(max, v);
    }
    assertEquals(max, r.value("maxFm"), 0);
    double meanOfMax = (r.perImage().get("a").maxFm() + r.perImage().get("b").maxFm()) / 2;
    assertTrue(r.value("maxFm") < meanOfMax - 1e-3, r.value("maxFm") + " vs " + meanOfMax);
    assertEquals(
        (r.perImage().get("a").mae() + r.perImage().get("b").mae()) / 2, r.value("MAE"), 1e-15);
  }
}
