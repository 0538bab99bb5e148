package org.tfseg.summary;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.op.Ops;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.Summary;
import org.tfseg.UserError;

/**
 * {@link EventFileWriter} (TF's summary ops) read back by the test's own TFRecord and Event reader:
 * what TF writes, the CRCs the reader verifies, and new files for a reopened folder.
 */
class TensorBoardEventFilesTest {
  @Test
  void scalarsImagesAndTheGraphReadBack(@TempDir Path tmp) throws IOException {
    byte[] graphDef;
    try (Graph g = new Graph()) {
      Ops.create(g).withName("c").constant(1f);
      graphDef = g.toGraphDef().toByteArray();
    }
    byte[] rgb = new byte[2 * 3 * 3];
    for (int i = 0; i < rgb.length; i++) {
      rgb[i] = (byte) (i * 14);
    }
    Path train = tmp.resolve("tb/train");
    Path validation = tmp.resolve("tb/validation");
    try (SummaryGraph summaries = new SummaryGraph()) {
      EventFileWriter t = summaries.writer("train", train);
      EventFileWriter v = summaries.writer("validation", validation);
      t.graph(0, graphDef);
      t.scalar("epoch_loss", 3, 0.1);
      v.scalar("epoch_loss", 3, 0.2);
      v.image("predictions/0", 4, rgb, 2, 3);
    }

    List<Event> events = EventFiles.events(train);
    assertTrue(events.get(0).getFileVersion().startsWith("brain.Event:"), events.get(0).toString());
    Event graph = events.stream().filter(Event::hasGraphDef).findFirst().orElseThrow();
    assertEquals(GraphDef.parseFrom(graphDef), GraphDef.parseFrom(graph.getGraphDef()));
    EventFiles.Value loss = EventFiles.values(train, "epoch_loss").get(0);
    assertEquals(Summary.Value.ValueCase.SIMPLE_VALUE, loss.value().getValueCase());
    assertEquals(3, loss.step());
    assertEquals(0.1f, loss.scalar());
    assertEquals(0.2f, EventFiles.values(validation, "epoch_loss").get(0).scalar());
    assertEquals(List.of("epoch_loss", "predictions/0/image"), EventFiles.tags(validation));

    EventFiles.Value panel = EventFiles.values(validation, "predictions/0/image").get(0);
    Summary.Image image = panel.value().getImage();
    assertEquals(4, panel.step());
    assertEquals(
        List.of(2, 3, 3), List.of(image.getHeight(), image.getWidth(), image.getColorspace()));
    BufferedImage png =
        ImageIO.read(new ByteArrayInputStream(image.getEncodedImageString().toByteArray()));
    assertEquals(List.of(3, 2), List.of(png.getWidth(), png.getHeight()));
    for (int y = 0; y < 2; y++) {
      for (int x = 0; x < 3; x++) {
        int p = (y * 3 + x) * 3;
        int expected = (rgb[p] & 255) << 16 | (rgb[p + 1] & 255) << 8 | (rgb[p + 2] & 255);
        assertEquals(expected, png.getRGB(x, y) & 0xffffff, "pixel " + x + "," + y);
      }
    }
  }

  @Test
  void bothCrcsAreVerified(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("train");
    try (SummaryGraph summaries = new SummaryGraph()) {
      summaries.writer("train", dir).scalar("epoch_loss", 0, 0.5);
    }
    Path file = EventFiles.files(dir).get(0);
    byte[] good = Files.readAllBytes(file);
    assertEquals(2, TfRecords.read(file).size());

    assertCorrupt(tmp, good, 0, "length CRC mismatch in the record at byte 0");
    assertCorrupt(tmp, good, 8, "length CRC mismatch in the record at byte 0");
    assertCorrupt(tmp, good, 12, "data CRC mismatch in the record at byte 0");
    int second = 12 + (int) TfRecords.read(file).get(0).length + 4;
    assertCorrupt(tmp, good, good.length - 1, "data CRC mismatch in the record at byte " + second);
    Path truncated = tmp.resolve("truncated");
    Files.write(truncated, java.util.Arrays.copyOf(good, good.length - 5));
    IOException e = assertThrows(IOException.class, () -> TfRecords.read(truncated));
    assertTrue(e.getMessage().contains("runs past the end"), e.getMessage());
  }

  @Test
  void reopeningAFolderAddsAFileAndKeepsTheOld(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("train");
    try (SummaryGraph first = new SummaryGraph()) {
      first.writer("train", dir).scalar("epoch_loss", 0, 1.0);
    }
    Path old = EventFiles.files(dir).get(0);
    byte[] before = Files.readAllBytes(old);
    try (SummaryGraph second = new SummaryGraph()) {
      second.writer("train", dir).scalar("epoch_loss", 1, 2.0);
    }
    assertEquals(2, EventFiles.files(dir).size());
    assertArrayEquals(before, Files.readAllBytes(old));
    List<EventFiles.Value> losses = EventFiles.values(dir, "epoch_loss");
    assertEquals(List.of(0L, 1L), losses.stream().map(EventFiles.Value::step).toList());
  }

  @Test
  void anUnusableFolderIsAOneLineUserError(@TempDir Path tmp) throws IOException {
    Path blocked = Files.writeString(tmp.resolve("blocked"), "a file, not a folder");
    try (SummaryGraph summaries = new SummaryGraph()) {
      UserError e =
          assertThrows(UserError.class, () -> summaries.writer("train", blocked.resolve("train")));
      assertTrue(
          e.getMessage()
              .startsWith(blocked.resolve("train") + ": cannot write TensorBoard events: "),
          e.getMessage());
      assertFalse(e.getMessage().contains("\n"), e.getMessage());
    }
  }

  private static void assertCorrupt(Path tmp, byte[] good, int at, String message) {
    byte[] bad = good.clone();
    bad[at] ^= 0x10;
    Path file = tmp.resolve("corrupt-" + at);
    IOException e =
        assertThrows(
            IOException.class,
            () -> {
              Files.write(file, bad);
              TfRecords.read(file);
            });
    assertEquals(file + ": " + message, e.getMessage());
  }
}
