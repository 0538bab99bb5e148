package org.tfseg.runtime;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
  @Test
  void peakCoversResidentWhichIsAnonymousPlusMappedFiles() {
    ProcessMemory m = ProcessMemory.now();
    assertNotNull(m, "/proc/self/status is readable on Linux");
    assertTrue(m.peakBytes() >= m.residentBytes(), m.toString());
    assertTrue(m.residentBytes() >= m.anonymousBytes() + m.fileBytes(), m.toString());
    assertTrue(m.anonymousBytes() > 0 && m.fileBytes() > 0, m.toString());
    Runtime jvm = Runtime.getRuntime();
    assertTrue(m.anonymousBytes() > jvm.totalMemory() - jvm.freeMemory() - (1 << 20), m.toString());
  }
}
