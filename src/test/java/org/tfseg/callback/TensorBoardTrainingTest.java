package org.tfseg.callback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.Summary;
import org.tfseg.summary.EventFiles;
import org.tfseg.task.SegmentationTask;
import org.tfseg.task.TrainingRunner;

/**
 * Trains a tiny experiment with the tensorboard callback (2 epochs of 3 steps, {@code update_freq}
 * 2, a 3-image panel), resumes it for a third epoch, and reads both event folders back through the
 * test's own TFRecord/Event reader: the tags, their steps, and every epoch scalar against {@code
 * history.json}.
 */
class TensorBoardTrainingTest {
  private static final int SIZE = 32;
  private static final int STEPS_PER_EPOCH = 3;
  private static final int PANEL = 3;

  @TempDir static Path tmp;
  private static Path run;
  private static Path train;
  private static Path validation;
  private static JsonNode history;

  /** The event files after the first training (2 epochs), before the resume. */
  private static final Map<Path, byte[]> firstRunFiles = new LinkedHashMap<>();

  @BeforeAll
  static void trainTwoEpochsThenResumeForAThird() throws IOException {
    run = runner(2).train().run().root();
    train = run.resolve("tensorboard/train");
    validation = run.resolve("tensorboard/validation");
    for (Path dir : List.of(train, validation)) {
      for (Path f : EventFiles.files(dir)) {
        firstRunFiles.put(f, Files.readAllBytes(f));
      }
    }
    runner(3).resume(run);
    history = new ObjectMapper().readTree(run.resolve("history.json").toFile());
  }

  private static TrainingRunner runner(int epochs) {
    String root = tmp.toString();
    String size = "[" + SIZE + "," + SIZE + "]";
    SegmentationTask task =
        SegmentationTask.load(
            Path.of("experiments/quickstart.json"),
            "training.epochs=" + epochs,
            "training.steps_per_epoch=" + STEPS_PER_EPOCH,
            "run_root=" + root + "/runs",
            "data.image_size=" + size,
            "data.train.root=" + root + "/train",
            "data.train.count=40",
            "data.train.size=" + size,
            "data.test.root=" + root + "/test",
            "data.test.count=4",
            "data.test.size=" + size,
            // patience 0 and a huge min_delta: the learning rate halves after epoch 1, so the
            // learning-rate scalars of epoch 2 differ
            "training.callbacks=[{\"type\":\"reduce_lr_on_plateau\",\"patience\":0,"
                + "\"min_delta\":1e9,\"factor\":0.5},"
                + "{\"type\":\"tensorboard\",\"update_freq\":2,\"panel_images\":"
                + PANEL
                + "}]");
    return new TrainingRunner(task, new PrintStream(new ByteArrayOutputStream()), false);
  }

  @Test
  void tagsAreKeras() throws IOException {
    assertEquals(
        Set.of(
            "epoch_loss",
            "epoch_precision",
            "epoch_recall",
            "epoch_learning_rate",
            "batch_loss",
            "batch_precision",
            "batch_recall",
            "batch_learning_rate"),
        Set.copyOf(EventFiles.tags(train)));
    Set<String> expected = new HashSet<>(Set.of("epoch_loss", "epoch_precision", "epoch_recall"));
    for (int i = 0; i < PANEL; i++) {
      expected.add("predictions/" + i + "/image");
    }
    assertEquals(expected, Set.copyOf(EventFiles.tags(validation)));
  }

  @Test
  void everyEpochScalarEqualsHistory() throws IOException {
    assertEquals(List.of(0, 1, 2), ints(history.get("epoch")));
    List<String> keys = new ArrayList<>();
    history.fieldNames().forEachRemaining(keys::add);
    keys.remove("epoch");
    assertEquals(
        List.of(
            "loss",
            "precision",
            "recall",
            "val_loss",
            "val_precision",
            "val_recall",
            "learning_rate"),
        keys);
    for (String key : keys) {
      boolean val = key.startsWith("val_");
      Path dir = val ? validation : train;
      String tag = "epoch_" + (val ? key.substring(4) : key);
      List<EventFiles.Value> values = EventFiles.values(dir, tag);
      assertEquals(List.of(0L, 1L, 2L), steps(values), dir.getFileName() + "/" + tag + " steps");
      for (int e = 0; e < 3; e++) {
        float expected = (float) history.get(key).get(e).doubleValue();
        assertEquals(
            expected,
            values.get(e).scalar(),
            Math.ulp(expected),
            dir.getFileName() + "/" + tag + " at epoch " + e);
      }
    }
    List<Double> rates = new ArrayList<>();
    history.get("learning_rate").forEach(v -> rates.add(v.doubleValue()));
    assertTrue(rates.get(2) < rates.get(1), "rates " + rates);
  }

  @Test
  void batchScalarsAtEveryUpdateFreqGlobalStep() throws IOException {
    // 3 epochs of 3 steps: global steps 1..9, written after steps 2, 4, 6, 8
    for (String tag :
        List.of("batch_loss", "batch_precision", "batch_recall", "batch_learning_rate")) {
      assertEquals(List.of(2L, 4L, 6L, 8L), steps(EventFiles.values(train, tag)), tag);
    }
    // step 6 ends epoch 1: the running values are then the epoch's
    assertEquals(
        (float) history.get("loss").get(1).doubleValue(),
        EventFiles.values(train, "batch_loss").get(2).scalar());
    assertEquals(
        (float) history.get("recall").get(1).doubleValue(),
        EventFiles.values(train, "batch_recall").get(2).scalar());
    // step 8 is in epoch 2, trained at the rate reduced after epoch 1
    assertEquals(
        (float) history.get("learning_rate").get(2).doubleValue(),
        EventFiles.values(train, "batch_learning_rate").get(3).scalar());
  }

  @Test
  void theGraphOncePerTraining() throws IOException {
    List<Event> graphs = EventFiles.events(train).stream().filter(Event::hasGraphDef).toList();
    assertEquals(List.of(0L, 6L), graphs.stream().map(Event::getStep).toList());
    GraphDef g = GraphDef.parseFrom(graphs.get(0).getGraphDef());
    Set<String> ops = new TreeSet<>();
    g.getNodeList().stream().map(NodeDef::getOp).forEach(ops::add);
    assertTrue(ops.containsAll(Set.of("Conv2D", "ApplyAdam", "Sigmoid")), ops.toString());
    assertTrue(EventFiles.values(validation, "epoch_loss").size() > 0);
    assertEquals(0, EventFiles.events(validation).stream().filter(Event::hasGraphDef).count());
  }

  @Test
  void panelImagesEachEpoch() throws IOException {
    for (int i = 0; i < PANEL; i++) {
      List<EventFiles.Value> images = EventFiles.values(validation, "predictions/" + i + "/image");
      assertEquals(List.of(0L, 1L, 2L), steps(images), "predictions/" + i);
      for (EventFiles.Value v : images) {
        Summary.Image image = v.value().getImage();
        assertEquals(
            List.of(SIZE, 3 * SIZE, 3),
            List.of(image.getHeight(), image.getWidth(), image.getColorspace()));
        BufferedImage png =
            ImageIO.read(new ByteArrayInputStream(image.getEncodedImageString().toByteArray()));
        assertEquals(List.of(3 * SIZE, SIZE), List.of(png.getWidth(), png.getHeight()));
        // mask and probability thirds are grey; the image third is not (a coloured synthetic scene)
        boolean colour = false;
        for (int y = 0; y < SIZE; y++) {
          for (int x = 0; x < 3 * SIZE; x++) {
            int rgb = png.getRGB(x, y);
            boolean grey = (rgb >> 16 & 255) == (rgb >> 8 & 255) && (rgb & 255) == (rgb >> 8 & 255);
            if (x >= SIZE) {
              assertTrue(grey, "pixel " + x + "," + y + " of " + v.tag());
            } else {
              colour |= !grey;
            }
          }
        }
        assertTrue(colour, v.tag() + " shows no colour image");
      }
    }
  }

  @Test
  void theResumeAppendsAFileAndKeepsTheFirst() throws IOException {
    for (Path dir : List.of(train, validation)) {
      List<Path> files = EventFiles.files(dir);
      assertEquals(2, files.size(), dir + ": " + files);
      List<Path> old = files.stream().filter(firstRunFiles::containsKey).toList();
      assertEquals(1, old.size(), dir + ": " + files);
      assertArrayEquals(firstRunFiles.get(old.get(0)), Files.readAllBytes(old.get(0)));
      for (EventFiles.Value v : EventFiles.values(dir, "epoch_loss")) {
        assertEquals(v.step() == 2, !v.file().equals(old.get(0)), "epoch " + v.step());
      }
    }
  }

  private static List<Long> steps(List<EventFiles.Value> values) {
    return values.stream().map(EventFiles.Value::step).toList();
  }

  private static List<Integer> ints(JsonNode array) {
    List<Integer> out = new ArrayList<>();
    array.forEach(n -> out.add(n.intValue()));
    return out;
  }
}
