package org.tfseg.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoint folders appear only complete, the newest {@code keep} periodic ones are kept, and
 * every state a kill can leave behind is recovered to a usable one.
 */
class CheckpointStoreTest {
  @TempDir Path dir;

  private static void fake(String prefix, String content) {
    try {
      Files.writeString(Path.of(prefix + ".index"), content);
      Files.writeString(Path.of(prefix + ".data-00000-of-00001"), content);
      Files.writeString(Path.of(prefix + ".json"), "{}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void keepsTheNewestPeriodicCheckpointsAndFindsTheLast() throws Exception {
    CheckpointStore store = new CheckpointStore(dir, 2);
    for (long step : new long[] {3, 6, 9, 12}) {
      store.save(CheckpointStore.LAST, step, p -> fake(p, "s" + step));
    }
    store.save("best", 6, p -> fake(p, "best"));
    assertEquals(List.of("best", "step-000000009", "step-000000012"), names());
    assertEquals(
        Optional.of(dir.resolve("step-000000012/ckpt").toString()),
        store.find(CheckpointStore.LAST));
    assertEquals(
        List.of(
            dir.resolve("step-000000012/ckpt").toString(),
            dir.resolve("step-000000009/ckpt").toString()),
        store.periodicNewestFirst());
  }

  @Test
  void aNamedCheckpointIsReplacedWhole() throws Exception {
    CheckpointStore store = new CheckpointStore(dir, 2);
    store.save("best", 1, p -> fake(p, "first"));
    store.save("best", 2, p -> fake(p, "second"));
    assertEquals("second", Files.readString(dir.resolve("best/ckpt.index")));
    assertEquals(List.of("best"), names());
  }

  @Test
  void aWriteThatFailsHalfwayLeavesNothingThatIsUsed() throws Exception {
    CheckpointStore store = new CheckpointStore(dir, 2);
    store.save("best", 1, p -> fake(p, "good"));
    try {
      store.save(
          "best",
          2,
          p -> {
            try {
              Files.writeString(Path.of(p + ".index"), "half");
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            throw new IllegalStateException("killed mid-write");
          });
    } catch (IllegalStateException expected) {
      // as a kill would
    }
    store.recover();
    assertEquals("good", Files.readString(dir.resolve("best/ckpt.index")));
    assertEquals(List.of("best"), names());
  }

  @Test
  void recoversEveryStateAKillCanLeave() throws Exception {
    CheckpointStore store = new CheckpointStore(dir, 3);
    store.save(CheckpointStore.LAST, 5, p -> fake(p, "five"));
    // killed between moving the old best aside and moving the new one in
    Files.createDirectories(dir.resolve(".old-best-123"));
    fake(dir.resolve(".old-best-123/ckpt").toString(), "old best");
    Files.createDirectories(dir.resolve(".partial-best-123"));
    // killed while deleting a pruned checkpoint (an older layout): its index already gone
    Files.createDirectories(dir.resolve("step-000000002"));
    Files.writeString(dir.resolve("step-000000002/ckpt.data-00000-of-00001"), "x");
    // killed during a periodic write
    Files.createDirectories(dir.resolve(".partial-step-000000008-123"));
    store.recover();
    assertEquals(List.of("best", "step-000000005"), names());
    assertEquals("old best", Files.readString(dir.resolve("best/ckpt.index")));
    assertTrue(store.find("best").isPresent());
    assertFalse(store.find("final").isPresent());
  }
}
