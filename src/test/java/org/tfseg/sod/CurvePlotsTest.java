package org.tfseg.sod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CurvePlotsTest {
  @TempDir Path tmp;

  private static SodReport small(double shift) {
    SodEvaluator ev = new SodEvaluator();
    ev.add(
        "a",
        new double[] {0.9, 0.7 - shift, 0.4, 0.1},
        new boolean[] {true, true, false, false},
        2,
        2);
    ev.add(
        "b", new double[] {0.2, 0.8, 0.6, shift}, new boolean[] {false, true, true, false}, 2, 2);
    return ev.report();
  }

  private static int countColour(BufferedImage img, int rgb) {
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((img.getRGB(x, y) & 0xffffff) == rgb) {
          n++;
        }
      }
    }
    return n;
  }

  @Test
  void writesLegiblePngsWithOneColourPerCurve() throws Exception {
    Map<String, SodReport> reports = new LinkedHashMap<>();
    reports.put("method A", small(0));
    reports.put("method B", small(0.3));
    Path pr = tmp.resolve("plots/pr.png");
    Path fm = tmp.resolve("plots/fm.png");
    CurvePlots.writePrecisionRecall(reports, pr);
    CurvePlots.writeFmeasureVsThreshold(reports, fm);
    for (Path p : new Path[] {pr, fm}) {
      BufferedImage img = ImageIO.read(p.toFile());
      assertEquals(800, img.getWidth());
      assertEquals(640, img.getHeight());
      assertTrue(countColour(img, 0xd62728) > 100, "first curve drawn in " + p);
      assertTrue(countColour(img, 0x1f77b4) > 100, "second curve drawn in " + p);
      assertTrue(countColour(img, 0x000000) > 500, "axes and text drawn in " + p);
    }
    CurvePlots.writePrecisionRecall(small(0), tmp.resolve("single.png"));
    BufferedImage single = ImageIO.read(tmp.resolve("single.png").toFile());
    assertTrue(countColour(single, 0xd62728) > 100, "the one curve is drawn");
    assertEquals(0, countColour(single, 0x1f77b4), "and no second one");
  }

  @Test
  void tableListsTheNineValuesAligned() {
    SodReport r = small(0);
    String[] lines = r.toTable().split("\n");
    assertEquals(2 + 9 + 1, lines.length);
    for (int i = 0; i < 9; i++) {
      String key = SodReport.KEYS.get(i);
      String line = lines[2 + i];
      assertTrue(line.startsWith(key + " "), line);
      assertEquals(lines[0].length(), line.length(), "aligned: " + line);
      assertEquals(r.value(key), Double.parseDouble(line.substring(key.length()).trim()), 5e-7);
    }
  }
}
