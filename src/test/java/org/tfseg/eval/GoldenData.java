package org.tfseg.eval;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Locates {@code ../shared/data/sod-metrics-golden} (PySODMetrics' own test images). */
final class GoldenData {
  private GoldenData() {}

  static Path dir() {
    Path shared = Paths.get("..", "shared", "data");
    assumeTrue(Files.isDirectory(shared), shared.toAbsolutePath() + " (…/shared/data) absent: skipping");
    Path golden = shared.resolve("sod-metrics-golden");
    assumeTrue(Files.isDirectory(golden), golden + " absent: skipping");
    return golden;
  }
}
