package org.tfseg.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.tfseg.callback.History;

/**
 * A run's training curves as one figure: a chart per quantity of the {@link History} — {@code
 * loss}, then each metric — with the training values in blue and the validation ({@code val_…})
 * values in orange against the epoch (1-based, as the console counts), and the learning rate in
 * green on a log axis last. Charts are laid out two (more than four: three) per row.
 */
public final class TrainingCurves {
  /** The figure's file in a run folder. */
  public static final String FILE = "curves.png";

  public static final Color TRAIN = new Color(0x1f77b4);
  public static final Color VALIDATION = new Color(0xff7f0e);
  public static final Color LEARNING_RATE = new Color(0x2ca02c);
  public static final int CELL_WIDTH = 520;
  public static final int CELL_HEIGHT = 340;
  public static final int HEADER = 40;

  private static final String LR = "learning_rate";
  private static final String VAL = "val_";
  private static final int MARKERS_UP_TO = 40;
  private static final LinePlot.Style STYLE =
      new LinePlot.Style(64, 22, 40, 52, 12f, 13f, 15f, 26, 12, 18, 2f, 3.5);
  private static final List<LinePlot.Corner> ANY_CORNER = List.of(LinePlot.Corner.values());

  private TrainingCurves() {}

  /** Renders {@code history} and replaces {@code png} atomically. */
  public static void write(History history, String title, Path png) {
    PngFiles.writeAtomically(render(history, title), png);
  }

  public static BufferedImage render(History history, String title) {
    List<LinePlot> plots = plots(history);
    int columns = columns(plots.size());
    int rows = (plots.size() + columns - 1) / columns;
    BufferedImage img = Canvas.white(columns * CELL_WIDTH, HEADER + rows * CELL_HEIGHT);
    Graphics2D g = Canvas.graphics(img);
    try {
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 17));
      FontMetrics fm = g.getFontMetrics();
      g.drawString(title, (img.getWidth() - fm.stringWidth(title)) / 2, 28);
      for (int i = 0; i < plots.size(); i++) {
        plots.get(i).draw(g, cell(i, plots.size()));
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  /** The charts, in figure order: loss, the metrics in history order, the learning rate. */
  public static List<LinePlot> plots(History history) {
    double[] epochs = history.epochs().stream().mapToDouble(e -> e + 1).toArray();
    Axis x = Axis.integers(min(epochs), max(epochs));
    boolean markers = epochs.length <= MARKERS_UP_TO;
    List<String> names = new ArrayList<>();
    for (String key : history.keys()) {
      String name = key.startsWith(VAL) ? key.substring(VAL.length()) : key;
      if (!key.equals(LR) && !names.contains(name)) {
        names.add(name);
      }
    }
    List<LinePlot> plots = new ArrayList<>();
    for (String name : names) {
      List<LinePlot.Series> series = new ArrayList<>();
      List<Double> all = new ArrayList<>();
      addSeries(history, name, "train", TRAIN, epochs, markers, series, all);
      addSeries(history, VAL + name, "validation", VALIDATION, epochs, markers, series, all);
      double[] v = all.stream().mapToDouble(Double::doubleValue).toArray();
      plots.add(plot(name, x, Axis.linear(min(v), max(v)), series));
    }
    if (history.keys().contains(LR)) {
      double[] lr = column(history, LR, true);
      double[] positive = java.util.Arrays.stream(lr).filter(Double::isFinite).toArray();
      plots.add(
          plot(
              "learning rate (log scale)",
              x,
              Axis.log(min(positive), max(positive)),
              List.of(new LinePlot.Series(null, epochs, lr, LEARNING_RATE, markers))));
    }
    return plots;
  }

  /** Where chart {@code index} of {@code count} is drawn. */
  public static Rectangle cell(int index, int count) {
    int columns = columns(count);
    return new Rectangle(
        (index % columns) * CELL_WIDTH,
        HEADER + (index / columns) * CELL_HEIGHT,
        CELL_WIDTH,
        CELL_HEIGHT);
  }

  private static int columns(int count) {
    return count <= 1 ? 1 : count <= 4 ? 2 : 3;
  }

  private static LinePlot plot(String title, Axis x, Axis y, List<LinePlot.Series> series) {
    return new LinePlot(title, "epoch", null, x, y, series, ANY_CORNER, STYLE);
  }

  private static void addSeries(
      History history,
      String key,
      String label,
      Color color,
      double[] epochs,
      boolean markers,
      List<LinePlot.Series> series,
      List<Double> all) {
    if (!history.keys().contains(key)) {
      return;
    }
    double[] values = column(history, key, false);
    series.add(new LinePlot.Series(label, epochs, values, color, markers));
    for (double v : values) {
      if (Double.isFinite(v)) {
        all.add(v);
      }
    }
  }

  /** A history column with NaN for missing and non-finite values (and, if asked, for v ≤ 0). */
  private static double[] column(History history, String key, boolean positive) {
    return history.values(key).stream()
        .mapToDouble(v -> v == null || !Double.isFinite(v) || (positive && v <= 0) ? Double.NaN : v)
        .toArray();
  }

  private static double min(double[] v) {
    return java.util.Arrays.stream(v).min().orElse(Double.NaN);
  }

  private static double max(double[] v) {
    return java.util.Arrays.stream(v).max().orElse(Double.NaN);
  }
}
