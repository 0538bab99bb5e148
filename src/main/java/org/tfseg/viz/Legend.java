package org.tfseg.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.util.List;

/**
 * A {@link LinePlot}'s legend: a white box with a line sample and the label of each labelled
 * series, in the allowed corner whose box covers the fewest data points (sampled along the lines
 * every 4 px); ties go to the earlier corner.
 */
final class Legend {
  private static final int INSET = 12;

  private Legend() {}

  static void draw(Graphics2D g, LinePlot plot, Rectangle cell, Font font) {
    List<LinePlot.Series> shown = plot.series().stream().filter(s -> s.label() != null).toList();
    if (shown.isEmpty()) {
      return;
    }
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    int lineH = fm.getHeight() + 4;
    int boxW = shown.stream().mapToInt(s -> fm.stringWidth(s.label())).max().orElse(0) + 50;
    int boxH = lineH * shown.size() + 10;
    Rectangle box = box(plot, cell, boxW, boxH);
    g.setColor(new Color(255, 255, 255, 230));
    g.fill(box);
    g.setColor(Color.GRAY);
    g.setStroke(new BasicStroke(1f));
    g.draw(box);
    for (int i = 0; i < shown.size(); i++) {
      int ly = box.y + 5 + lineH * i + lineH / 2;
      g.setColor(shown.get(i).color());
      g.setStroke(new BasicStroke(plot.style().lineWidth()));
      g.drawLine(box.x + 8, ly, box.x + 36, ly);
      g.setColor(Color.BLACK);
      g.drawString(shown.get(i).label(), box.x + 44, ly + fm.getAscent() / 2 - 2);
    }
  }

  /** The allowed corner whose box covers the fewest points (sampled along the lines). */
  private static Rectangle box(LinePlot plot, Rectangle cell, int w, int h) {
    Rectangle a = plot.area(cell);
    Rectangle best = null;
    int fewest = Integer.MAX_VALUE;
    for (LinePlot.Corner c : plot.legendCorners()) {
      boolean left = c == LinePlot.Corner.UPPER_LEFT || c == LinePlot.Corner.LOWER_LEFT;
      boolean upper = c == LinePlot.Corner.UPPER_LEFT || c == LinePlot.Corner.UPPER_RIGHT;
      int bx = left ? a.x + INSET : a.x + a.width - INSET - w;
      int by = upper ? a.y + INSET : a.y + a.height - INSET - h;
      Rectangle box = new Rectangle(bx, by, w, h);
      int covered = 0;
      for (LinePlot.Series s : plot.series()) {
        covered += covered(box, plot.points(cell, s));
      }
      if (covered < fewest) {
        fewest = covered;
        best = box;
      }
    }
    return best;
  }

  private static int covered(Rectangle box, List<Point2D> points) {
    int n = 0;
    Rectangle grown = new Rectangle(box.x - 4, box.y - 4, box.width + 8, box.height + 8);
    for (int i = 0; i < points.size(); i++) {
      Point2D p = points.get(i);
      Point2D q = i + 1 < points.size() ? points.get(i + 1) : null;
      if (p == null) {
        continue;
      }
      int steps = q == null ? 1 : 1 + (int) (p.distance(q) / 4);
      for (int k = 0; k < steps; k++) {
        double t = (double) k / steps;
        double px = q == null ? p.getX() : p.getX() + t * (q.getX() - p.getX());
        double py = q == null ? p.getY() : p.getY() + t * (q.getY() - p.getY());
        if (grown.contains(px, py)) {
          n++;
        }
      }
    }
    return n;
  }
}
