package org.tfseg.viz;

import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Point;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.List;
import org.tfseg.callback.ImageSamples;

/**
 * A picture of predictions: one row per image — image | ground truth | prediction | error — under a
 * caption and column titles, each tile {@link #tileSize} (nearest neighbour, so pixels stay exact).
 * A one-channel (sigmoid) model shows the mask and the probability map in grey and the error {@code
 * |p − y|} as a {@link Heat} map with its colour bar; a C-class model shows the label and the
 * arg-max in {@link Palette} colours with a class key, and the error as the mismatched pixels
 * (bright) against the matched ones (black).
 */
public final class PredictionPanels {
  /** Images in a panel unless asked otherwise (the epoch panels, {@code eval}). */
  public static final int DEFAULT_IMAGES = 3;

  public static final int MARGIN = 12;
  public static final int GAP = 6;
  public static final int CAPTION = 34;
  public static final int TITLES = 24;
  public static final int FOOTER = 34;

  private static final int TARGET = 200;
  private static final int LARGEST = 256;
  private static final int SWATCH = 14;

  private PredictionPanels() {}

  /** The column titles, left to right. */
  public static List<String> columns(int channels) {
    return channels == 1
        ? List.of("image", "ground truth", "prediction p", "error |p − y|")
        : List.of("image", "ground truth", "prediction (arg-max)", "error (mismatch)");
  }

  /**
   * @param probabilities the model's {@code [n, h, w, channels]} output for {@code samples}
   */
  public static BufferedImage render(
      ImageSamples samples, float[] probabilities, int channels, String caption) {
    int h = samples.height();
    int w = samples.width();
    Dimension t = tileSize(h, w);
    int n = samples.count();
    BufferedImage img =
        Canvas.white(
            tile(0, 4, h, w).x - GAP + MARGIN,
            tile(n, 0, h, w).y - (n > 0 ? GAP : 0) + FOOTER + MARGIN);
    Graphics2D g = Canvas.graphics(img);
    try {
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
      centred(g, caption, img.getWidth() / 2, MARGIN + 20);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
      List<String> titles = columns(channels);
      for (int c = 0; c < titles.size(); c++) {
        centred(g, titles.get(c), tile(0, c, h, w).x + t.width / 2, MARGIN + CAPTION + 16);
      }
      for (int r = 0; r < n; r++) {
        BufferedImage[] row = row(samples, probabilities, channels, r);
        for (int c = 0; c < row.length; c++) {
          Point at = tile(r, c, h, w);
          g.drawImage(RgbImages.resized(row[c], t.width, t.height), at.x, at.y, null);
        }
      }
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      int footer = tile(n, 0, h, w).y - (n > 0 ? GAP : 0) + 8;
      if (channels == 1) {
        heatBar(g, tile(0, 3, h, w).x, footer, t.width);
      } else {
        classKey(g, tile(0, 1, h, w).x, footer, img.getWidth() - MARGIN, channels);
      }
    } finally {
      g.dispose();
    }
    return img;
  }

  /** The tiles of row {@code r}, at the model's size. */
  static BufferedImage[] row(ImageSamples samples, float[] probabilities, int channels, int r) {
    int h = samples.height();
    int w = samples.width();
    int px = h * w;
    float[] image =
        Arrays.copyOfRange(
            samples.images(), r * px * samples.channels(), (r + 1) * px * samples.channels());
    float[] truth = Arrays.copyOfRange(samples.masks(), r * px, (r + 1) * px);
    float[] p = Arrays.copyOfRange(probabilities, r * px * channels, (r + 1) * px * channels);
    BufferedImage photo = RgbImages.photo(image, h, w, samples.channels());
    float[] error = new float[px];
    if (channels == 1) {
      for (int i = 0; i < px; i++) {
        error[i] = Math.abs(p[i] - truth[i]);
      }
      return new BufferedImage[] {
        photo, RgbImages.grey(truth, h, w), RgbImages.grey(p, h, w), RgbImages.heat(error, h, w)
      };
    }
    ClassMap labels = ClassMap.ofLabels(truth, h, w);
    ClassMap predicted = ClassMap.ofProbabilities(p, h, w, channels);
    for (int i = 0; i < px; i++) {
      error[i] = labels.classes()[i] == predicted.classes()[i] ? 0f : 1f;
    }
    return new BufferedImage[] {
      photo,
      RgbImages.classes(labels, Palette::rgb),
      RgbImages.classes(predicted, Palette::rgb),
      RgbImages.heat(error, h, w)
    };
  }

  /**
   * The size of the tiles of an {@code h × w} image: enlarged a whole number of times to about 200
   * px when smaller, shrunk to 256 px on the long side when larger (nearest neighbour either way).
   */
  public static Dimension tileSize(int height, int width) {
    int longSide = Math.max(height, width);
    if (longSide > LARGEST) {
      return new Dimension(
          Math.max(1, Math.round(width * (float) LARGEST / longSide)),
          Math.max(1, Math.round(height * (float) LARGEST / longSide)));
    }
    int s = Math.max(1, TARGET / longSide);
    return new Dimension(width * s, height * s);
  }

  /** The top-left corner of the tile in {@code row}, {@code column} (both 0-based). */
  public static Point tile(int row, int column, int height, int width) {
    Dimension t = tileSize(height, width);
    return new Point(
        MARGIN + column * (t.width + GAP), MARGIN + CAPTION + TITLES + row * (t.height + GAP));
  }

  private static void heatBar(Graphics2D g, int x, int y, int width) {
    FontMetrics fm = g.getFontMetrics();
    int bar = width - fm.stringWidth("0") - fm.stringWidth("1") - 12;
    int bx = x + fm.stringWidth("0") + 6;
    for (int i = 0; i < bar; i++) {
      g.setColor(new Color(Heat.rgb(i / (double) Math.max(1, bar - 1))));
      g.drawLine(bx + i, y, bx + i, y + 10);
    }
    g.setColor(Color.BLACK);
    g.drawString("0", x, y + 10);
    g.drawString("1", bx + bar + 6, y + 10);
  }

  private static void classKey(Graphics2D g, int x, int y, int right, int classes) {
    FontMetrics fm = g.getFontMetrics();
    g.setColor(Color.BLACK);
    g.drawString("classes:", x, y + 11);
    int at = x + fm.stringWidth("classes:") + 8;
    for (int c = 0; c < classes; c++) {
      String label = Integer.toString(c);
      if (at + SWATCH + 4 + fm.stringWidth(label) + fm.stringWidth(" …") > right) {
        g.drawString("…", at, y + 11);
        return;
      }
      g.setColor(new Color(Palette.rgb(c)));
      g.fillRect(at, y, SWATCH, SWATCH);
      g.setColor(Color.GRAY);
      g.drawRect(at, y, SWATCH, SWATCH);
      g.setColor(Color.BLACK);
      g.drawString(label, at + SWATCH + 4, y + 11);
      at += SWATCH + 4 + fm.stringWidth(label) + 12;
    }
  }

  private static void centred(Graphics2D g, String text, int cx, int baseline) {
    g.drawString(text, cx - g.getFontMetrics().stringWidth(text) / 2, baseline);
  }
}
