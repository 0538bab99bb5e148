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
import org.tfseg.data.LabelMap;
import org.tfseg.data.SamplePair;

class OxfordPetLayoutTest {
  @TempDir Path root;

  @Test
  void readsTheListInOrderWithTrimapLabels() throws IOException {
    layout("trainval", "Bombay_2 1 1 1", "", "Abyssinian_100 1 1 1");
    List<SamplePair> pairs = OxfordPetLayout.list(root, "trainval");
    assertEquals(
        List.of("Bombay_2", "Abyssinian_100"), pairs.stream().map(SamplePair::id).toList());
    assertEquals(root.resolve("images/Bombay_2.jpg"), pairs.get(0).image());
    assertEquals(root.resolve("annotations/trimaps/Bombay_2.png"), pairs.get(0).mask());
    assertEquals(LabelMap.OXFORD_TRIMAP, pairs.get(0).labels());
  }

  @Test
  void missingFilesNameTheListLine() throws IOException {
    layout("test", "Bombay_2 1 1 1", "Bengal_9 6 1 2");
    Files.delete(root.resolve("annotations/trimaps/Bengal_9.png"));
    UserError e = assertThrows(UserError.class, () -> OxfordPetLayout.list(root, "test"));
    assertEquals(
        root.resolve("annotations/test.txt")
            + ":2: trimap "
            + root.resolve("annotations/trimaps/Bengal_9.png")
            + " not found",
        e.getMessage());
  }

  @Test
  void badSplitsAndListsAreUserErrors() throws IOException {
    assertTrue(
        assertThrows(UserError.class, () -> OxfordPetLayout.list(root, "train"))
            .getMessage()
            .contains("'train' is not one of [trainval, test]"));
    assertTrue(
        assertThrows(UserError.class, () -> OxfordPetLayout.list(root, "test"))
            .getMessage()
            .contains("test.txt: Oxford-IIIT Pet split list not found"));
    layout("test", "Bombay_2 1 1 1", "Bombay_2 1 1 1");
    assertTrue(
        assertThrows(UserError.class, () -> OxfordPetLayout.list(root, "test"))
            .getMessage()
            .endsWith("test.txt:2: Bombay_2 is listed twice"));
  }

  @Test
  void sharedSampleInTheOfficialLayout() {
    OxfordPetFixture.officialLayout(root);
    assertEquals(20, OxfordPetLayout.list(root, "trainval").size());
    assertEquals(6, OxfordPetLayout.list(root, "test").size());
  }

  /** A list file and empty placeholder files for its names (the reader only checks they exist). */
  private void layout(String split, String... lines) throws IOException {
    Files.createDirectories(root.resolve("images"));
    Files.createDirectories(root.resolve("annotations/trimaps"));
    Files.write(root.resolve("annotations/" + split + ".txt"), List.of(lines));
    for (String line : lines) {
      if (!line.isBlank()) {
        String name = line.split(" ")[0];
        Files.write(root.resolve("images/" + name + ".jpg"), new byte[0]);
        Files.write(root.resolve("annotations/trimaps/" + name + ".png"), new byte[0]);
      }
    }
  }
}
