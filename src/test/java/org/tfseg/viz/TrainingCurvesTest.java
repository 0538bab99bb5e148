package org.tfseg.viz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Rectangle;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.callback.History;
import org.tfseg.callback.TrainingControl;

class TrainingCurvesTest {
  @TempDir Path tmp;

  /** Five epochs: loss falls, val_loss stays above it, precision rises, lr drops after epoch 3. */
  private History history(int epochs) {
    History h = new History(tmp.resolve("history.csv"), tmp.resolve("history.json"));
    for (int e = 0; e < epochs; e++) {
      h.record(e, logs(e));
    }
    return h;
  }

  private static Map<String, Double> logs(int e) {
    Map<String, Double> logs = new LinkedHashMap<>();
    logs.put("loss", 1.0 - 0.15 * e);
    logs.put("precision", 0.5 + 0.1 * e);
    logs.put("val_loss", 1.2 - 0.1 * e);
    logs.put("val_precision", 0.3 + 0.1 * e);
    logs.put("learning_rate", e < 3 ? 1e-3 : 1e-4);
    return logs;
  }

  private static int rgb(BufferedImage img, Point2D p) {
    return img.getRGB((int) Math.floor(p.getX()), (int) Math.floor(p.getY())) & 0xffffff;
  }

  private static int count(BufferedImage img, Rectangle r, Color c) {
    int n = 0;
    for (int y = r.y; y < r.y + r.height; y++) {
      for (int x = r.x; x < r.x + r.width; x++) {
        n += (img.getRGB(x, y) & 0xffffff) == (c.getRGB() & 0xffffff) ? 1 : 0;
      }
    }
    return n;
  }

  @Test
  void lossMetricAndLearningRateChartsWithEachSeriesAtItsPoints() {
    History h = history(5);
    List<LinePlot> plots = TrainingCurves.plots(h);
    assertEquals(
        List.of("loss", "precision", "learning rate (log scale)"),
        plots.stream().map(LinePlot::title).toList());
    assertTrue(plots.get(2).y().isLog(), "the learning rate is on a log axis");
    BufferedImage img = TrainingCurves.render(h, "test");
    assertEquals(2 * TrainingCurves.CELL_WIDTH, img.getWidth(), "two charts per row");
    assertEquals(TrainingCurves.HEADER + 2 * TrainingCurves.CELL_HEIGHT, img.getHeight());
    for (int i = 0; i < plots.size(); i++) {
      LinePlot plot = plots.get(i);
      Rectangle cell = TrainingCurves.cell(i, plots.size());
      for (LinePlot.Series s : plot.series()) {
        for (int e = 0; e < 5; e++) {
          Point2D p = plot.pixel(cell, e + 1, s.y()[e]);
          assertTrue(plot.area(cell).contains(p), plot.title() + " point inside the frame");
          assertEquals(
              s.color().getRGB() & 0xffffff,
              rgb(img, p),
              plot.title() + " " + s.label() + " epoch " + (e + 1) + " at " + p);
        }
      }
    }
    Rectangle lossCell = TrainingCurves.cell(0, 3);
    LinePlot loss = plots.get(0);
    assertEquals(TrainingCurves.TRAIN, loss.series().get(0).color());
    assertEquals(TrainingCurves.VALIDATION, loss.series().get(1).color());
    Point2D train1 = loss.pixel(lossCell, 1, 1.0);
    Point2D val1 = loss.pixel(lossCell, 1, 1.2);
    assertTrue(val1.getY() < train1.getY() - 10, "higher values are drawn higher");
    Point2D lrHigh = plots.get(2).pixel(TrainingCurves.cell(2, 3), 1, 1e-3);
    Point2D lrLow = plots.get(2).pixel(TrainingCurves.cell(2, 3), 5, 1e-4);
    assertEquals(
        TrainingCurves.LEARNING_RATE.getRGB() & 0xffffff, rgb(img, lrHigh), "lr before the drop");
    assertTrue(lrLow.getY() > lrHigh.getY() + 50, "a decade lower is drawn well below");
    assertEquals(0, count(img, lossCell, TrainingCurves.LEARNING_RATE), "no lr in the loss chart");
    Rectangle fourth =
        new Rectangle(
            TrainingCurves.CELL_WIDTH,
            TrainingCurves.HEADER + TrainingCurves.CELL_HEIGHT,
            TrainingCurves.CELL_WIDTH,
            TrainingCurves.CELL_HEIGHT);
    assertEquals(
        TrainingCurves.CELL_WIDTH * TrainingCurves.CELL_HEIGHT,
        count(img, fourth, Color.WHITE),
        "the unused fourth cell stays blank");
    assertTrue(count(img, lossCell, Color.BLACK) > 300, "frame, ticks and labels");
  }

  @Test
  void moreThanFourChartsGoThreePerRow() {
    History h = new History(tmp.resolve("h.csv"), tmp.resolve("h.json"));
    Map<String, Double> logs = new LinkedHashMap<>();
    for (String k : List.of("loss", "a", "b", "c", "d", "val_loss")) {
      logs.put(k, 0.5);
    }
    logs.put("val_a", 0.25);
    h.record(0, logs);
    BufferedImage img = TrainingCurves.render(h, "one epoch");
    assertEquals(3 * TrainingCurves.CELL_WIDTH, img.getWidth());
    assertEquals(TrainingCurves.HEADER + 2 * TrainingCurves.CELL_HEIGHT, img.getHeight());
    List<LinePlot> plots = TrainingCurves.plots(h);
    Point2D only = plots.get(1).pixel(TrainingCurves.cell(1, 5), 1, 0.5);
    assertEquals(TrainingCurves.TRAIN.getRGB() & 0xffffff, rgb(img, only), "a lone epoch is a dot");
  }

  @Test
  void callbackRewritesCurvesAtomicallyAfterEveryEpoch() throws Exception {
    Path run = Files.createDirectories(tmp.resolve("quick/run-001"));
    History h = new History(run.resolve("history.csv"), run.resolve("history.json"));
    CurvesCallback curves = new CurvesCallback(h);
    TrainingControl control = StubControl.of(run, 3, null, null, 1);
    Path png = run.resolve(TrainingCurves.FILE);
    Files.writeString(png, "stale");
    int previous = 0;
    for (int e = 0; e < 3; e++) {
      h.onEpochEnd(e, logs(e), control);
      curves.onEpochEnd(e, logs(e), control);
      BufferedImage img = ImageIO.read(png.toFile());
      assertEquals(TrainingCurves.HEADER + 2 * TrainingCurves.CELL_HEIGHT, img.getHeight());
      int blue = count(img, new Rectangle(img.getWidth(), img.getHeight()), TrainingCurves.TRAIN);
      assertNotEquals(previous, blue, "epoch " + (e + 1) + " redrawn");
      previous = blue;
      try (Stream<Path> files = Files.list(run)) {
        assertEquals(
            List.of("curves.png", "history.csv", "history.json"),
            files.map(p -> p.getFileName().toString()).sorted().toList(),
            "no temp file left");
      }
    }
  }
}
