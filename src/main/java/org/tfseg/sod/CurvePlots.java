package org.tfseg.sod;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tfseg.viz.Axis;
import org.tfseg.viz.Canvas;
import org.tfseg.viz.LinePlot;
import org.tfseg.viz.PngFiles;

/**
 * Precision–recall and F-measure-vs-threshold plots of {@link SodReport}s, drawn with Java2D
 * ({@link LinePlot}) into PNG files. Both axes span [0, 1] with ticks every 0.1 and a dashed grid.
 */
public final class CurvePlots {
  private static final int W = 800;
  private static final int H = 640;
  private static final LinePlot.Style STYLE =
      new LinePlot.Style(90, 30, 50, 80, 14f, 18f, 18f, 32, 25, 30, 2.5f, 0);
  private static final Color[] PALETTE = {
    new Color(0xd62728), new Color(0x1f77b4), new Color(0x2ca02c), new Color(0xff7f0e),
    new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f)
  };

  private record Series(String label, double[] x, double[] y) {}

  private CurvePlots() {}

  public static void writePrecisionRecall(SodReport report, Path png) {
    writePrecisionRecall(Map.of("prediction", report), png);
  }

  /** One curve per report, labelled with its name and maxF. */
  public static void writePrecisionRecall(Map<String, SodReport> reports, Path png) {
    draw(
        series(
            reports,
            (name, r) -> label(name, "maxF", r.value("maxFm")),
            r -> r.recallCurve(),
            SodReport::precisionCurve),
        "Precision–recall (256 thresholds, dataset mean)",
        "Recall",
        "Precision",
        png);
  }

  public static void writeFmeasureVsThreshold(SodReport report, Path png) {
    writeFmeasureVsThreshold(Map.of("prediction", report), png);
  }

  /** F-measure (β² = 0.3) against the threshold, one curve per report. */
  public static void writeFmeasureVsThreshold(Map<String, SodReport> reports, Path png) {
    draw(
        series(
            reports,
            (name, r) ->
                String.format(
                    Locale.ROOT,
                    "%s (maxF %.3f, meanF %.3f)",
                    name,
                    r.value("maxFm"),
                    r.value("meanFm")),
            r -> SodReport.thresholds(),
            SodReport::fmeasureCurve),
        "F-measure vs threshold (β² = 0.3)",
        "Threshold",
        "F-measure",
        png);
  }

  /** One labelled series per report, in the map's order. */
  private static List<Series> series(
      Map<String, SodReport> reports,
      java.util.function.BiFunction<String, SodReport, String> label,
      java.util.function.Function<SodReport, double[]> x,
      java.util.function.Function<SodReport, double[]> y) {
    return new LinkedHashMap<>(reports)
        .entrySet().stream()
            .map(
                e ->
                    new Series(
                        label.apply(e.getKey(), e.getValue()),
                        x.apply(e.getValue()),
                        y.apply(e.getValue())))
            .toList();
  }

  private static String label(String name, String what, double v) {
    return String.format(Locale.ROOT, "%s (%s %.3f)", name, what, v);
  }

  private static void draw(
      List<Series> series, String title, String xLabel, String yLabel, Path png) {
    List<LinePlot.Series> curves = new ArrayList<>();
    for (int i = 0; i < series.size(); i++) {
      Series c = series.get(i);
      curves.add(new LinePlot.Series(c.label(), c.x(), c.y(), PALETTE[i % PALETTE.length], false));
    }
    Axis unit = Axis.fixed(0, 1, 0.1, "%.1f");
    LinePlot plot =
        new LinePlot(
            title, xLabel, yLabel, unit, unit, curves, List.of(LinePlot.Corner.LOWER_LEFT), STYLE);
    BufferedImage img = Canvas.white(W, H);
    Graphics2D g = Canvas.graphics(img);
    try {
      plot.draw(g, new Rectangle(0, 0, W, H));
    } finally {
      g.dispose();
    }
    PngFiles.writeAtomically(img, png);
  }
}
