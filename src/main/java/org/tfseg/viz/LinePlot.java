package org.tfseg.viz;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.util.ArrayList;
import java.util.List;

/**
 * One line chart drawn with Java2D into a cell of a figure: a framed plot area with a dashed grid
 * at the ticks, tick labels, axis labels, a bold title, the series (a non-finite value breaks the
 * line) and a {@link Legend} of the labelled series in one of {@code legendCorners}.
 *
 * @param xLabel axis label, or null for none (likewise {@code yLabel})
 */
public record LinePlot(
    String title,
    String xLabel,
    String yLabel,
    Axis x,
    Axis y,
    List<Series> series,
    List<Corner> legendCorners,
    Style style) {

  /** One curve; {@code label} null keeps it out of the legend, {@code markers} draws each point. */
  public record Series(String label, double[] x, double[] y, Color color, boolean markers) {}

  /** Where the legend box may go, inside the plot area. */
  public enum Corner {
    UPPER_RIGHT,
    LOWER_RIGHT,
    UPPER_LEFT,
    LOWER_LEFT
  }

  /**
   * Sizes in pixels: margins around the plot area, font sizes, baselines (title from the cell's
   * top, x label from its bottom, y label from its left), line width and marker radius.
   */
  public record Style(
      int left,
      int right,
      int top,
      int bottom,
      float tickFont,
      float labelFont,
      float titleFont,
      int titleBaseline,
      int xLabelBaseline,
      int yLabelBaseline,
      float lineWidth,
      double markerRadius) {}

  private static final Color GRID = new Color(0xdddddd);
  private static final int TICK = 6;

  /** The plot area (inside the frame) of this chart drawn in {@code cell}. */
  public Rectangle area(Rectangle cell) {
    return new Rectangle(
        cell.x + style.left(),
        cell.y + style.top(),
        cell.width - style.left() - style.right(),
        cell.height - style.top() - style.bottom());
  }

  /** The pixel at which the value {@code (xv, yv)} is drawn in {@code cell}. */
  public Point2D pixel(Rectangle cell, double xv, double yv) {
    Rectangle a = area(cell);
    return new Point2D.Double(
        a.x + x.fraction(xv) * a.width, a.y + a.height - y.fraction(yv) * a.height);
  }

  public void draw(Graphics2D g, Rectangle cell) {
    Rectangle a = area(cell);
    Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, 1).deriveFont(style.tickFont());
    drawAxes(g, a, tick);
    drawLabels(g, cell, a, tick.deriveFont(style.labelFont()));
    Shape clip = g.getClip();
    g.clip(new Rectangle(a.x, a.y, a.width + 1, a.height + 1));
    for (Series s : series) {
      drawSeries(g, cell, s);
    }
    g.setClip(clip);
    Legend.draw(g, this, cell, tick);
  }

  /** The dashed grid, tick marks and tick labels of both axes, and the frame. */
  private void drawAxes(Graphics2D g, Rectangle a, Font font) {
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    BasicStroke dashed =
        new BasicStroke(
            1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f);
    for (int i = 0; i < x.ticks().size(); i++) {
      int px = a.x + (int) Math.round(x.fraction(x.ticks().get(i)) * a.width);
      line(g, GRID, dashed, px, a.y, px, a.y + a.height);
      line(g, Color.BLACK, new BasicStroke(1f), px, a.y + a.height, px, a.y + a.height + TICK);
      String t = x.label(i);
      g.drawString(t, px - fm.stringWidth(t) / 2, a.y + a.height + TICK + 2 + fm.getAscent());
    }
    for (int i = 0; i < y.ticks().size(); i++) {
      int py = a.y + a.height - (int) Math.round(y.fraction(y.ticks().get(i)) * a.height);
      line(g, GRID, dashed, a.x, py, a.x + a.width, py);
      line(g, Color.BLACK, new BasicStroke(1f), a.x - TICK, py, a.x, py);
      String t = y.label(i);
      g.drawString(t, a.x - TICK - 4 - fm.stringWidth(t), py + fm.getAscent() / 2 - 1);
    }
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1.5f));
    g.drawRect(a.x, a.y, a.width, a.height);
  }

  /** The axis labels and the bold title. */
  private void drawLabels(Graphics2D g, Rectangle cell, Rectangle a, Font font) {
    g.setColor(Color.BLACK);
    g.setFont(font);
    FontMetrics fm = g.getFontMetrics();
    if (xLabel != null) {
      g.drawString(
          xLabel,
          a.x + (a.width - fm.stringWidth(xLabel)) / 2,
          cell.y + cell.height - style.xLabelBaseline());
    }
    if (yLabel != null) {
      AffineTransform saved = g.getTransform();
      g.rotate(-Math.PI / 2);
      g.drawString(
          yLabel,
          -(a.y + (a.height + fm.stringWidth(yLabel)) / 2),
          cell.x + style.yLabelBaseline());
      g.setTransform(saved);
    }
    g.setFont(font.deriveFont(Font.BOLD, style.titleFont()));
    fm = g.getFontMetrics();
    g.drawString(
        title, cell.x + (cell.width - fm.stringWidth(title)) / 2, cell.y + style.titleBaseline());
  }

  private void drawSeries(Graphics2D g, Rectangle cell, Series s) {
    g.setColor(s.color());
    g.setStroke(new BasicStroke(style.lineWidth(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
    Path2D.Double path = new Path2D.Double();
    boolean open = false;
    List<Point2D> points = points(cell, s);
    for (Point2D p : points) {
      if (p == null) {
        open = false;
      } else if (open) {
        path.lineTo(p.getX(), p.getY());
      } else {
        path.moveTo(p.getX(), p.getY());
        open = true;
      }
    }
    g.draw(path);
    if (s.markers()) {
      double r = style.markerRadius();
      for (Point2D p : points) {
        if (p != null) {
          g.fill(new Ellipse2D.Double(p.getX() - r, p.getY() - r, 2 * r, 2 * r));
        }
      }
    }
  }

  /** The series' pixels, null where a value is missing or not drawable on the axis. */
  List<Point2D> points(Rectangle cell, Series s) {
    List<Point2D> points = new ArrayList<>();
    for (int i = 0; i < s.x().length; i++) {
      Point2D p = pixel(cell, s.x()[i], s.y()[i]);
      points.add(Double.isFinite(p.getX()) && Double.isFinite(p.getY()) ? p : null);
    }
    return points;
  }

  private static void line(
      Graphics2D g, Color color, BasicStroke stroke, int x0, int y0, int x1, int y1) {
    g.setColor(color);
    g.setStroke(stroke);
    g.drawLine(x0, y0, x1, y1);
  }
}
