package org.tfseg.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong clock = new AtomicLong();

  private String output() {
    return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
  }

  private void at(double seconds) {
    clock.set(Math.round(seconds * 1e9));
  }

  private static Map<String, Double> metrics(double loss, double precision) {
    Map<String, Double> m = new LinkedHashMap<>();
    m.put("loss", loss);
    m.put("precision", precision);
    return m;
  }

  @Test
  void nonInteractivePrintsTenthsThenTheFinalLine() {
    ProgressBar bar = new ProgressBar(out, 20, false, clock::get);
    bar.startEpoch(2, 15);
    // The first step takes 3 s (tracing), then 0.5 s per step, 8 images each.
    for (int step = 1; step <= 20; step++) {
      at(3.0 + 0.5 * (step - 1));
      bar.update(step, metrics(0.5, 0.00012345), 8);
    }
    at(12.5);
    Map<String, Double> logs = metrics(0.3, 0.6612);
    logs.put("val_loss", 0.35);
    bar.finish(logs);

    StringBuilder expected = new StringBuilder("Epoch 3/15\n");
    for (int step = 2; step <= 18; step += 2) {
      int width = 30 * step / 20;
      double eta = 0.5 * (20 - step);
      expected
          .append(String.format("%2d/20 [", step))
          .append("=".repeat(width - 1))
          .append('>')
          .append(".".repeat(30 - width))
          .append("] - ETA: ")
          .append((int) eta)
          .append("s - loss: 0.5000 - precision: 1.2345e-04 - 16.0 img/s\n");
    }
    // 12.5 s rounds half-even to 12, as Python's "%.0f".
    expected.append(
        "20/20 [==============================] - 12s 500ms/step - loss: 0.3000"
            + " - precision: 0.6612 - val_loss: 0.3500\n");
    assertEquals(expected.toString(), output());
    assertFalse(output().contains("\r"));
  }

  @Test
  void lineMatchesTheKerasLayout() {
    ProgressBar bar = new ProgressBar(out, 125, true, clock::get);
    at(1.0);
    bar.update(1, metrics(0.9, 0.5), 16);
    for (int step = 2; step <= 37; step++) {
      at(1.0 + 0.5 * (step - 1));
      Map<String, Double> m = metrics(0.4123, 0.6612);
      m.put("recall", 0.702);
      bar.update(step, m, 16);
    }
    // 0.5 s/step (the first step excluded) * 88 steps = 44 s; 36 * 16 images / 18 s.
    String last = output().substring(output().lastIndexOf('\r') + 1);
    assertEquals(
        " 37/125 [=======>......................] - ETA: 44s - loss: 0.4123 - precision: 0.6612"
            + " - recall: 0.7020 - 32.0 img/s",
        last);
  }

  @Test
  void interactiveRedrawsInPlace() {
    ProgressBar bar = new ProgressBar(out, 3, true, clock::get);
    at(2);
    bar.update(1, Map.of("loss", 0.0001), 4);
    at(3);
    bar.update(2, Map.of("loss", 0.5), 4);
    at(3.01); // within 50 ms of the last redraw: skipped
    bar.update(2, Map.of("loss", 0.4), 4);
    at(4);
    bar.finish(Map.of("loss", 0.25));
    assertEquals(
        "\r1/3 [=========>....................] - ETA: 4s - loss: 1.0000e-04 - 2.0 img/s"
            + "\r2/3 [===================>..........] - ETA: 1s - loss: 0.5000 - 4.0 img/s    "
            + "\r3/3 [==============================] - 4s 1s/step - loss: 0.2500         \n",
        output());
  }

  @Test
  void formatsLikeKeras() {
    assertEquals("1:02:05", ProgressBar.formatEta(3725.7));
    assertEquals("1:02", ProgressBar.formatEta(62.9));
    assertEquals("60s", ProgressBar.formatEta(60.0));
    assertEquals("59s", ProgressBar.formatEta(59.9));
    assertEquals(" 672ms/step", ProgressBar.formatStepTime(0.672));
    assertEquals(" 2s/step", ProgressBar.formatStepTime(1.5));
    assertEquals(" 250us/step", ProgressBar.formatStepTime(0.00025));
    assertEquals("0.0010", ProgressBar.formatValue(0.00101));
    assertEquals("1.0000e-03", ProgressBar.formatValue(0.001));
    assertEquals("-0.5000", ProgressBar.formatValue(-0.5));
  }
}
