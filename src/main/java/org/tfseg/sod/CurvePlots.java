package org.tfseg.sod;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.tfseg.UserError;

/**
 * Precision–recall and F-measure-vs-threshold plots of {@link SodReport}s, drawn with Java2D
 * (headless) into PNG files. Both axes span [0, 1] with ticks every 0.1 and a dashed grid.
 */
public final class CurvePlots {
  private static final int W = 800;
  private static final int H = 640;
  private static final int LEFT = 90;
  private static final int RIGHT = 30;
  private static final int TOP = 50;
  private static final int BOTTOM = 80;
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
    System.setProperty("java.awt.headless", "true");
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, W, H);
      int pw = W - LEFT - RIGHT;
      int ph = H - TOP - BOTTOM;
      Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
      Font axis = new Font(Font.SANS_SERIF, Font.PLAIN, 18);
      // grid and ticks
      g.setFont(tick);
      FontMetrics fm = g.getFontMetrics();
      for (int i = 0; i <= 10; i++) {
        double v = i / 10.0;
        int x = LEFT + (int) Math.round(v * pw);
        int y = TOP + ph - (int) Math.round(v * ph);
        g.setColor(new Color(0xdddddd));
        g.setStroke(
            new BasicStroke(
                1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
        g.drawLine(x, TOP, x, TOP + ph);
        g.drawLine(LEFT, y, LEFT + pw, y);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawLine(x, TOP + ph, x, TOP + ph + 6);
        g.drawLine(LEFT - 6, y, LEFT, y);
        String t = String.format(Locale.ROOT, "%.1f", v);
        g.drawString(t, x - fm.stringWidth(t) / 2, TOP + ph + 8 + fm.getAscent());
        g.drawString(t, LEFT - 10 - fm.stringWidth(t), y + fm.getAscent() / 2 - 1);
      }
      g.setColor(Color.BLACK);
      g.setStroke(new BasicStroke(1.5f));
      g.drawRect(LEFT, TOP, pw, ph);
      // labels and title
      g.setFont(axis);
      fm = g.getFontMetrics();
      g.drawString(xLabel, LEFT + (pw - fm.stringWidth(xLabel)) / 2, H - 25);
      AffineTransform saved = g.getTransform();
      g.rotate(-Math.PI / 2);
      g.drawString(yLabel, -(TOP + (ph + fm.stringWidth(yLabel)) / 2), 30);
      g.setTransform(saved);
      g.setFont(axis.deriveFont(Font.BOLD));
      fm = g.getFontMetrics();
      g.drawString(title, (W - fm.stringWidth(title)) / 2, 32);
      // curves
      g.setClip(LEFT, TOP, pw + 1, ph + 1);
      for (int s = 0; s < series.size(); s++) {
        Series c = series.get(s);
        Path2D.Double p = new Path2D.Double();
        for (int i = 0; i < c.x().length; i++) {
          double x = LEFT + c.x()[i] * pw;
          double y = TOP + ph - c.y()[i] * ph;
          if (i == 0) {
            p.moveTo(x, y);
          } else {
            p.lineTo(x, y);
          }
        }
        g.setColor(PALETTE[s % PALETTE.length]);
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(p);
      }
      g.setClip(null);
      // legend, lower left inside the plot
      g.setFont(tick);
      fm = g.getFontMetrics();
      int lineH = fm.getHeight() + 4;
      int boxW = 0;
      for (Series c : series) {
        boxW = Math.max(boxW, fm.stringWidth(c.label()));
      }
      boxW += 50;
      int boxH = lineH * series.size() + 10;
      int bx = LEFT + 12;
      int by = TOP + ph - 12 - boxH;
      g.setColor(new Color(255, 255, 255, 230));
      g.fillRect(bx, by, boxW, boxH);
      g.setColor(Color.GRAY);
      g.setStroke(new BasicStroke(1f));
      g.drawRect(bx, by, boxW, boxH);
      for (int s = 0; s < series.size(); s++) {
        int y = by + 5 + lineH * s + lineH / 2;
        g.setColor(PALETTE[s % PALETTE.length]);
        g.setStroke(new BasicStroke(2.5f));
        g.drawLine(bx + 8, y, bx + 36, y);
        g.setColor(Color.BLACK);
        g.drawString(series.get(s).label(), bx + 44, y + fm.getAscent() / 2 - 2);
      }
    } finally {
      g.dispose();
    }
    try {
      Path parent = png.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (!ImageIO.write(img, "png", png.toFile())) {
        throw new IllegalStateException("no PNG writer");
      }
    } catch (IOException e) {
      throw new UserError(png + ": cannot write plot (" + e.getMessage() + ")", e);
    }
  }
}
