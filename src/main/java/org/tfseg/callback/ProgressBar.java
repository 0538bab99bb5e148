package org.tfseg.callback;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Keras-style per-epoch console progress bar (the Keras 2 {@code Progbar} look, verbose=1):
 *
 * <pre>
 * Epoch 3/15
 *  37/125 [=======&gt;......................] - ETA: 1:02 - loss: 0.4123 - precision: 0.6612 - 21.3 img/s
 * 125/125 [==============================] - 84s 672ms/step - loss: 0.3901 - val_loss: 0.4012
 * </pre>
 *
 * <p>On an interactive stream (a TTY) the line is redrawn in place with {@code \r}, at most every
 * 50 ms. Otherwise (CI, a log file) each update is its own line, printed only when the step crosses
 * the next tenth of the epoch, so an epoch writes at most 9 intermediate lines plus the final one,
 * and never a {@code \r}.
 *
 * <p>Metric values are shown as given: the trainer passes running epoch means (Keras' stateful
 * metrics). As in Keras, the time per step ignores the first step (graph tracing, warm-up) once
 * there are later ones; the image throughput does the same.
 */
public final class ProgressBar {
  private static final int WIDTH = 30;
  private static final long REDRAW_INTERVAL_NANOS = 50_000_000L;

  private final PrintStream out;
  private final int totalSteps;
  private final boolean interactive;
  private final LongSupplier nanoTime;

  private long start;
  private long afterFirstStep = -1;
  private long lastDraw;
  private boolean drawn;
  private int printedTenths;
  private int previousWidth;
  private long imagesAfterFirstStep;
  private long images;

  public ProgressBar(PrintStream out, int totalSteps, boolean interactive) {
    this(out, totalSteps, interactive, System::nanoTime);
  }

  /**
   * @param nanoTime the clock, injectable for tests
   */
  public ProgressBar(PrintStream out, int totalSteps, boolean interactive, LongSupplier nanoTime) {
    if (totalSteps <= 0) {
      throw new IllegalArgumentException("totalSteps must be positive, got " + totalSteps);
    }
    this.out = out;
    this.totalSteps = totalSteps;
    this.interactive = interactive;
    this.nanoTime = nanoTime;
    resetEpoch();
  }

  /** Prints {@code Epoch N/M} (for a 0-based {@code epoch}) and restarts the epoch timer. */
  public void startEpoch(int epoch, int totalEpochs) {
    out.println("Epoch " + (epoch + 1) + "/" + totalEpochs);
    out.flush();
    resetEpoch();
  }

  private void resetEpoch() {
    start = nanoTime.getAsLong();
    afterFirstStep = -1;
    lastDraw = start;
    drawn = false;
    printedTenths = 0;
    previousWidth = 0;
    images = 0;
    imagesAfterFirstStep = 0;
  }

  /**
   * Reports that {@code step} (1-based) steps of the epoch are done.
   *
   * @param metrics running values to show, in display order
   * @param imagesInStep images processed by this step, for the throughput
   */
  public void update(int step, Map<String, Double> metrics, int imagesInStep) {
    long now = nanoTime.getAsLong();
    double secondsPerStep = secondsPerStep(step, now);
    images += imagesInStep;
    if (step == 1) {
      afterFirstStep = now;
    } else if (afterFirstStep >= 0) {
      imagesAfterFirstStep += imagesInStep;
    }
    if (!shouldDraw(step, now)) {
      return;
    }
    StringBuilder line = new StringBuilder(bar(step));
    double eta = secondsPerStep * (totalSteps - step);
    line.append(" - ETA: ").append(formatEta(eta));
    appendMetrics(line, metrics);
    double imagesPerSecond = imagesPerSecond(now);
    if (imagesPerSecond > 0) {
      line.append(" - ").append(PyFormat.fixed(imagesPerSecond, 1)).append(" img/s");
    }
    draw(line.toString(), false);
    lastDraw = now;
    drawn = true;
  }

  /** Prints the epoch's final line: elapsed time, time per step and the epoch logs. */
  public void finish(Map<String, Double> logs) {
    long now = nanoTime.getAsLong();
    double secondsPerStep = secondsPerStep(totalSteps, now);
    StringBuilder line = new StringBuilder(bar(totalSteps));
    line.append(" - ").append(PyFormat.fixed((now - start) / 1e9, 0)).append('s');
    line.append(formatStepTime(secondsPerStep));
    appendMetrics(line, logs);
    draw(line.toString(), true);
  }

  private boolean shouldDraw(int step, long now) {
    if (interactive) {
      return !drawn || now - lastDraw >= REDRAW_INTERVAL_NANOS;
    }
    if (step >= totalSteps) {
      return false; // finish() prints the final line
    }
    int tenths = (int) ((long) step * 10 / totalSteps);
    if (tenths > printedTenths) {
      printedTenths = tenths;
      return true;
    }
    return false;
  }

  private void draw(String line, boolean last) {
    if (interactive) {
      StringBuilder text = new StringBuilder("\r").append(line);
      if (previousWidth > line.length()) {
        text.append(" ".repeat(previousWidth - line.length()));
      }
      previousWidth = line.length();
      if (last) {
        text.append(System.lineSeparator());
      }
      out.print(text);
    } else {
      out.println(line);
    }
    out.flush();
  }

  /** Keras' estimate: the first step is excluded once later steps exist. */
  private double secondsPerStep(int step, long now) {
    if (step <= 0) {
      return 0;
    }
    if (afterFirstStep >= 0 && step > 1) {
      return (now - afterFirstStep) / 1e9 / (step - 1);
    }
    return (now - start) / 1e9 / step;
  }

  private double imagesPerSecond(long now) {
    if (afterFirstStep >= 0 && imagesAfterFirstStep > 0 && now > afterFirstStep) {
      return imagesAfterFirstStep / ((now - afterFirstStep) / 1e9);
    }
    return now > start ? images / ((now - start) / 1e9) : 0;
  }

  private String bar(int step) {
    int digits = Integer.toString(totalSteps).length();
    StringBuilder bar =
        new StringBuilder(String.format(Locale.ROOT, "%" + digits + "d/%d [", step, totalSteps));
    int progress = (int) (WIDTH * Math.min(1.0, (double) step / totalSteps));
    if (progress > 0) {
      bar.append("=".repeat(progress - 1)).append(step < totalSteps ? '>' : '=');
    }
    return bar.append(".".repeat(WIDTH - progress)).append(']').toString();
  }

  private static void appendMetrics(StringBuilder line, Map<String, Double> metrics) {
    for (Map.Entry<String, Double> metric : metrics.entrySet()) {
      line.append(" - ").append(metric.getKey()).append(": ");
      line.append(formatValue(metric.getValue()));
    }
  }

  /** Keras: {@code %.4f}, or {@code %.4e} when the magnitude is at most 1e-3. */
  static String formatValue(Double value) {
    if (value == null) {
      return "nan";
    }
    return Math.abs(value) > 1e-3 ? PyFormat.fixed(value, 4) : PyFormat.sci(value, 4);
  }

  /** Keras: {@code h:mm:ss} above an hour, {@code m:ss} above a minute, else {@code Ns}. */
  static String formatEta(double eta) {
    if (eta > 3600) {
      long seconds = (long) eta;
      return String.format(
          Locale.ROOT, "%d:%02d:%02d", seconds / 3600, (seconds % 3600) / 60, seconds % 60);
    }
    if (eta > 60) {
      long seconds = (long) eta;
      return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
    return PyFormat.truncated(eta) + "s";
  }

  /** Keras {@code _format_time}: s, ms or us per step, rounded. */
  static String formatStepTime(double secondsPerStep) {
    if (secondsPerStep >= 1 || secondsPerStep == 0) {
      return " " + PyFormat.fixed(secondsPerStep, 0) + "s/step";
    }
    if (secondsPerStep >= 1e-3) {
      return " " + PyFormat.fixed(secondsPerStep * 1000.0, 0) + "ms/step";
    }
    return " " + PyFormat.fixed(secondsPerStep * 1e6, 0) + "us/step";
  }
}
