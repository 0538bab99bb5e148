package org.tfseg.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This process's peak resident set size ({@code VmHWM} in {@code /proc/self/status}, what {@code
 * /usr/bin/time -v} reports as "Maximum resident set size"): JVM heap, TensorFlow's allocator and
 * the native libraries together.
 */
public final class PeakRss {
  private PeakRss() {}

  /** Peak RSS in kB; -1 where {@code /proc} is not available. */
  public static long kilobytes() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (l.startsWith("VmHWM:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
