package org.tfseg.data;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** The real test data in {@code shared/data}, next to the project or at /work/shared/data. */
final class SharedData {
  private SharedData() {}

  /** {@code shared/data/<name>}; skips the calling test when it is absent. */
  static Path dir(String name) {
    Path relative = Paths.get("..", "shared", "data", name);
    Path dir = Files.isDirectory(relative) ? relative : Paths.get("/work/shared/data", name);
    assumeTrue(Files.isDirectory(dir), "shared/data/" + name + " absent: skipping");
    return dir;
  }

  /** The first {@code count} SOD pairs (1-bit PNG masks, 481×321 JPEG images). */
  static List<SamplePair> sod(int count) {
    Path dir = dir("sod-movahedi-elder");
    return FolderPairs.list(dir.resolve("images"), dir.resolve("masks")).subList(0, count);
  }
}
