package org.tfseg.data.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.UserError;
import org.tfseg.data.SamplePair;
import org.tfseg.testing.SharedData;

class DutsLayoutTest {
  @TempDir Path tmp;

  /** Copies the real DUTS-TR sample into the official layout under {@code tmp/DUTS}. */
  private Path officialLayout() throws IOException {
    Path sample = SharedData.dir("duts-tr-sample");
    Path root = tmp.resolve("DUTS");
    Path images = Files.createDirectories(root.resolve("DUTS-TR/DUTS-TR-Image"));
    Path masks = Files.createDirectories(root.resolve("DUTS-TR/DUTS-TR-Mask"));
    for (SamplePair p : FolderPairs.list(sample.resolve("images"), sample.resolve("masks"))) {
      Files.copy(p.image(), images.resolve(p.image().getFileName()));
      Files.copy(p.mask(), masks.resolve(p.mask().getFileName()));
    }
    return root;
  }

  @Test
  void listsFromTheRootOrFromTheSubsetFolder() throws IOException {
    Path root = officialLayout();
    List<SamplePair> fromRoot = DutsLayout.list(root, "DUTS-TR");
    assertEquals(4, fromRoot.size());
    assertEquals("ILSVRC2012_test_00004908", fromRoot.get(0).id());
    assertEquals(
        root.resolve("DUTS-TR/DUTS-TR-Mask/ILSVRC2012_test_00004908.png"), fromRoot.get(0).mask());
    assertEquals(fromRoot, DutsLayout.list(root.resolve("DUTS-TR"), "DUTS-TR"));
  }

  @Test
  void unmatchedMaskIsNamed() throws IOException {
    Path root = officialLayout();
    Path extra = root.resolve("DUTS-TR/DUTS-TR-Mask/extra.png");
    Files.writeString(extra, "x");
    UserError e = assertThrows(UserError.class, () -> DutsLayout.list(root, "DUTS-TR"));
    assertTrue(e.getMessage().startsWith(extra + ": mask has no image"), e.getMessage());
  }

  @Test
  void missingSubsetAndUnknownSubsetAreUserErrors() throws IOException {
    Path root = officialLayout();
    UserError missing = assertThrows(UserError.class, () -> DutsLayout.list(root, "DUTS-TE"));
    assertTrue(missing.getMessage().contains("DUTS-TE-Image"), missing.getMessage());
    assertThrows(UserError.class, () -> DutsLayout.list(root, "DUTS-XX"));
  }
}
