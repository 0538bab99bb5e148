package org.tfseg.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * This process's memory from {@code /proc/self/status}: the peak resident set size ({@code VmHWM},
 * what {@code /usr/bin/time -v} reports as "Maximum resident set size"), and the resident memory
 * now, by kind: anonymous pages (heaps: TensorFlow's allocator pool, the JVM, the runtime) and
 * file-backed pages (mapped code of the native libraries).
 */
public record ProcessMemory(
    long peakBytes, long residentBytes, long anonymousBytes, long fileBytes) {
  private static final String[] FIELDS = {"VmHWM", "VmRSS", "RssAnon", "RssFile"};

  /** Null where {@code /proc} is not available. */
  public static ProcessMemory now() {
    Map<String, Long> kb = new HashMap<>();
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
        int colon = l.indexOf(':');
        if (colon > 0 && l.endsWith(" kB")) {
          kb.put(l.substring(0, colon), Long.parseLong(l.replaceAll("[^0-9]", "")));
        }
      }
    } catch (IOException | NumberFormatException e) {
      return null;
    }
    long[] bytes = new long[FIELDS.length];
    for (int i = 0; i < FIELDS.length; i++) {
      Long v = kb.get(FIELDS[i]);
      if (v == null) {
        return null;
      }
      bytes[i] = v * 1024;
    }
    return new ProcessMemory(bytes[0], bytes[1], bytes[2], bytes[3]);
  }
}
