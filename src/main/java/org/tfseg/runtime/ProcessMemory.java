package org.tfseg.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * This process's resident memory now, by kind ({@code /proc/self/status}): anonymous pages (heaps:
 * TensorFlow's allocator pool, the JVM, the runtime) and file-backed pages (mapped code of the
 * native libraries).
 */
public record ProcessMemory(long residentBytes, long anonymousBytes, long fileBytes) {
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
    if (!kb.containsKey("VmRSS") || !kb.containsKey("RssAnon") || !kb.containsKey("RssFile")) {
      return null;
    }
    return new ProcessMemory(
        kb.get("VmRSS") * 1024, kb.get("RssAnon") * 1024, kb.get("RssFile") * 1024);
  }
}
