package org.tfseg.data.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.UserError;
import org.tfseg.data.SamplePair;
import org.tfseg.testing.SharedData;

class FolderPairsTest {
  @TempDir Path tmp;

  private Path folder(String name, String... files) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    for (String f : files) {
      Files.writeString(dir.resolve(f), f);
    }
    return dir;
  }

  @Test
  void pairsByBaseNameAcrossExtensionsSortedAndSkipsHiddenFiles() throws IOException {
    Path images = folder("img", "b.JPG", "a.png", "c.jpeg", "d.bmp", ".DS_Store");
    Path masks = folder("msk", "a.png", "b.png", "c.PNG", "d.jpg", ".hidden.png");
    Files.createDirectories(images.resolve("sub"));
    List<SamplePair> pairs = FolderPairs.list(images, masks);
    assertEquals(List.of("a", "b", "c", "d"), pairs.stream().map(SamplePair::id).toList());
    assertEquals(
        new SamplePair("b", images.resolve("b.JPG"), masks.resolve("b.png")), pairs.get(1));
  }

  @Test
  void imageWithoutMaskIsNamed() throws IOException {
    Path images = folder("img", "a.jpg", "lonely.jpg");
    Path masks = folder("msk", "a.png");
    UserError e = assertThrows(UserError.class, () -> FolderPairs.list(images, masks));
    assertEquals(
        images.resolve("lonely.jpg") + ": image has no mask with the same base name in " + masks,
        e.getMessage());
  }

  @Test
  void maskWithoutImageIsNamed() throws IOException {
    Path images = folder("img", "a.jpg");
    Path masks = folder("msk", "a.png", "orphan.png", "orphan2.png");
    UserError e = assertThrows(UserError.class, () -> FolderPairs.list(images, masks));
    assertEquals(
        masks.resolve("orphan.png")
            + ": mask has no image with the same base name in "
            + images
            + " (and 1 more)",
        e.getMessage());
  }

  @Test
  void missingFolderUnsupportedFileAndDuplicateNameAreUserErrors() throws IOException {
    Path masks = folder("msk", "a.png");
    UserError missing =
        assertThrows(UserError.class, () -> FolderPairs.list(tmp.resolve("nope"), masks));
    assertEquals(tmp.resolve("nope") + ": image folder not found", missing.getMessage());
    Path withText = folder("txt", "a.jpg", "readme.txt");
    UserError text = assertThrows(UserError.class, () -> FolderPairs.list(withText, masks));
    assertEquals(
        true, text.getMessage().startsWith(withText.resolve("readme.txt") + ": unsupported"));
    Path twice = folder("dup", "a.jpg", "a.png");
    UserError dup = assertThrows(UserError.class, () -> FolderPairs.list(twice, masks));
    assertEquals(true, dup.getMessage().contains("share the base name"), dup.getMessage());
    Path empty = folder("empty");
    assertThrows(UserError.class, () -> FolderPairs.list(empty, masks));
  }

  @Test
  void realDutsSample() {
    Path dir = SharedData.dir("duts-tr-sample");
    List<SamplePair> pairs = FolderPairs.list(dir.resolve("images"), dir.resolve("masks"));
    assertEquals(
        List.of(
            "ILSVRC2012_test_00004908",
            "ILSVRC2013_test_00008420",
            "n03188531_21621",
            "n04371430_146"),
        pairs.stream().map(SamplePair::id).toList());
  }
}
