package org.tfseg.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tfseg.data.SamplePair;
import org.tfseg.data.source.FolderPairs;

/**
 * The real test data of {@code ../shared/data} (beside the project; never copied into it). Where it
 * is absent the calling test is skipped, unless {@code TFSEG_REQUIRE_SHARED_DATA=1} (set by CI,
 * which has the data), where a missing folder fails the test instead of hiding it.
 */
public final class SharedData {
  private static final Path ROOT = Path.of("..", "shared", "data");

  private SharedData() {}

  /** {@code ../shared/data/<name>}. */
  public static Path dir(String name) {
    Path dir = ROOT.resolve(name);
    if (!Files.isDirectory(dir)) {
      String why = dir.toAbsolutePath().normalize() + " is absent";
      if ("1".equals(System.getenv("TFSEG_REQUIRE_SHARED_DATA"))) {
        fail(why + " (TFSEG_REQUIRE_SHARED_DATA=1)");
      }
      assumeTrue(false, why + ": skipping");
    }
    return dir;
  }

  /** The first {@code count} real salient-object pairs (1-bit PNG masks, 481×321 JPEG images). */
  public static List<SamplePair> sod(int count) {
    List<SamplePair> all = sod();
    return all.subList(0, count);
  }

  /** All 237 real salient-object pairs of {@code sod-movahedi-elder}. */
  public static List<SamplePair> sod() {
    Path dir = dir("sod-movahedi-elder");
    return FolderPairs.list(dir.resolve("images"), dir.resolve("masks"));
  }
}
