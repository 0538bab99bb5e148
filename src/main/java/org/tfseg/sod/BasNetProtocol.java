package org.tfseg.sod;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluation protocol of the BASNet / U²-Net papers (xuebinqin/Binary-Segmentation-Evaluation-
 * Tool, {@code measures.py}), for numbers comparable with papers of that line. It differs from
 * PySODMetrics ({@link SodEvaluator}) on purpose:
 *
 * <ul>
 *   <li>both maps are normalised by {@code x / (max + 1e-8)} (no min subtraction);
 *   <li>MAE is {@code Σ|pred − gt| / (H·W + 1e-8)} on the normalised, un-binarised gt, averaged as
 *       {@code Σ / (n + 1e-8)};
 *   <li>{@code pred·255} (float) is histogrammed into 255 bins {@code [i, i+1)}, the last one
 *       closed; gt is {@code normalised·255 > 128}; per image {@code P = TP / (Pos + 1e-8)}, {@code
 *       R = TP / (|gt| + 1e-8)} at the 255 thresholds;
 *   <li>precision and recall are averaged over the dataset <em>before</em> forming {@code F =
 *       1.3·P·R / (0.3·P + R + 1e-8)}; maxF / meanF are the max / mean of that curve;
 *   <li>the relaxed boundary F ({@link RelaxedBoundaryF}, ρ = 3) of {@code pred_norm ≥ 0.5} against
 *       the binarised gt, averaged over images.
 * </ul>
 *
 * Inputs are the 8-bit grey values (after PIL's {@code convert("L")}); the tool itself takes the
 * first channel of a colour image, which is the same for grey-valued RGB files.
 */
public final class BasNetProtocol {
  public static final int BINS = 255;
  public static final double RHO = 3.0;
  private static final double BETA2 = 0.3;
  private static final double E8 = 1e-8;

  private final double[] sumPre = new double[BINS];
  private final double[] sumRec = new double[BINS];
  private final List<Double> maes = new ArrayList<>();
  private final List<Double> relax = new ArrayList<>();
  private final Map<String, double[]> perImage = new LinkedHashMap<>();

  /** Adds one image from its 8-bit grey prediction and mask, both h×w row-major. */
  public void add(String id, int[] predGrey, int[] maskGrey, int h, int w) {
    if (predGrey.length != maskGrey.length || (long) h * w != predGrey.length || h <= 0 || w <= 0) {
      throw new IllegalArgumentException(id + ": sizes differ");
    }
    if (perImage.containsKey(id)) {
      throw new IllegalArgumentException("image " + id + " added twice");
    }
    double[] pred = normalise(predGrey);
    double[] gt = normalise(maskGrey);
    int n = pred.length;
    double[] err = new double[n];
    boolean[] gtBin = new boolean[n];
    boolean[] predBin = new boolean[n];
    long[] fgHist = new long[BINS];
    long[] bgHist = new long[BINS];
    long gtNum = 0;
    for (int i = 0; i < n; i++) {
      err[i] = Math.abs(pred[i] - gt[i]);
      gtBin[i] = gt[i] * 255.0 > 128;
      predBin[i] = pred[i] >= 0.5;
      int bin = Math.min((int) Math.floor(pred[i] * 255.0), BINS - 1);
      if (gtBin[i]) {
        fgHist[bin]++;
        gtNum++;
      } else {
        bgHist[bin]++;
      }
    }
    double mae = NumpySum.sum(err) / ((double) h * w + E8);
    long cumFg = 0;
    long cumBg = 0;
    for (int k = 0; k < BINS; k++) {
      cumFg += fgHist[BINS - 1 - k];
      cumBg += bgHist[BINS - 1 - k];
      sumPre[k] += cumFg / (cumFg + cumBg + E8);
      sumRec[k] += cumFg / (gtNum + E8);
    }
    double rf = RelaxedBoundaryF.of(predBin, gtBin, h, w, RHO);
    maes.add(mae);
    relax.add(rf);
    perImage.put(id, new double[] {mae, rf});
  }

  private static double[] normalise(int[] grey) {
    int max = 0;
    for (int v : grey) {
      max = Math.max(max, v);
    }
    double d = max + E8;
    double[] out = new double[grey.length];
    for (int i = 0; i < grey.length; i++) {
      out[i] = grey[i] / d;
    }
    return out;
  }

  public BasNetReport report() {
    int n = maes.size();
    if (n == 0) {
      throw new IllegalStateException("no images added");
    }
    double[] pre = new double[BINS];
    double[] rec = new double[BINS];
    double[] f = new double[BINS];
    for (int k = 0; k < BINS; k++) {
      pre[k] = sumPre[k] / (n + E8);
      rec[k] = sumRec[k] / (n + E8);
      f[k] = (1 + BETA2) * pre[k] * rec[k] / (BETA2 * pre[k] + rec[k] + E8);
    }
    double mae = sum(maes) / (n + E8);
    double relaxF = NumpySum.mean(relax.stream().mapToDouble(Double::doubleValue).toArray());
    return new BasNetReport(
        mae,
        SodEvaluator.max(f),
        NumpySum.mean(f),
        relaxF,
        pre,
        rec,
        f,
        new LinkedHashMap<>(perImage));
  }

  private static double sum(List<Double> v) {
    return NumpySum.sum(v.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /**
   * Evaluates a prediction directory with this protocol (pairing and resizing as {@link
   * ImagePairs}).
   */
  public static BasNetReport evaluate(Path predDir, Path gtDir) {
    BasNetProtocol b = new BasNetProtocol();
    for (ImagePairs.Pair pair : ImagePairs.of(predDir, gtDir)) {
      ImagePairs.Loaded l = pair.load();
      b.add(
          l.id(), l.prediction().values(), l.mask().values(), l.mask().height(), l.mask().width());
    }
    return b.report();
  }
}
