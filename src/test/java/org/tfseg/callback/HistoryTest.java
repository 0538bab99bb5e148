package org.tfseg.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.UserError;

class HistoryTest {
  @TempDir Path dir;

  private static Map<String, Double> logs(double... values) {
    Map<String, Double> logs = new LinkedHashMap<>();
    String[] keys = {"val_precision", "learning_rate", "precision", "val_loss", "loss"};
    for (int i = 0; i < values.length; i++) {
      logs.put(keys[i], values[i]);
    }
    return logs;
  }

  private History history() {
    return new History(dir.resolve("history.csv"), dir.resolve("history.json"));
  }

  @Test
  void writesCsvAndJsonInKerasColumnOrder() throws Exception {
    History history = history();
    history.record(0, logs(0.5, 0.001, 0.4, 0.7, 0.9));
    history.record(1, logs(0.625, 0.0001, 0.55, 0.6, 0.1 * 3));

    assertEquals(
        "epoch,loss,precision,val_loss,val_precision,learning_rate\n"
            + "0,0.9,0.4,0.7,0.5,0.001\n"
            + "1,0.30000000000000004,0.55,0.6,0.625,0.0001\n",
        Files.readString(dir.resolve("history.csv")));
    JsonNode json = new ObjectMapper().readTree(dir.resolve("history.json").toFile());
    assertEquals(
        List.of("epoch", "loss", "precision", "val_loss", "val_precision", "learning_rate"),
        iterable(json.fieldNames()));
    assertEquals("[0,1]", json.get("epoch").toString());
    assertEquals("[0.9,0.30000000000000004]", json.get("loss").toString());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(2, files.count(), "no temp files left behind");
    }
  }

  @Test
  void keysAppearingLaterAreMissingEarlier() throws Exception {
    History history = history();
    history.record(0, logs(0.5, 0.001, 0.4, 0.7, 0.9));
    Map<String, Double> second = logs(0.6, 0.001, 0.5, 0.6, 0.8);
    second.put("val_iou", 0.3);
    second.put("val_loss", Double.NaN);
    history.record(1, second);
    assertEquals(
        "epoch,loss,precision,val_loss,val_precision,val_iou,learning_rate\n"
            + "0,0.9,0.4,0.7,0.5,NA,0.001\n"
            + "1,0.8,0.5,nan,0.6,0.3,0.001\n",
        Files.readString(dir.resolve("history.csv")));
    JsonNode json = new ObjectMapper().readTree(dir.resolve("history.json").toFile());
    assertEquals("[null,0.3]", json.get("val_iou").toString());
    assertEquals("[0.7,null]", json.get("val_loss").toString());
  }

  @Test
  void reloadsAndContinues() throws Exception {
    History history = history();
    history.onEpochEnd(0, logs(0.5, 0.001, 0.4, 0.7, 0.9), new FakeControl(0.1));
    history.record(1, logs(0.6, 0.001, 0.5, 0.6, 0.8));
    history.record(2, logs(0.7, 0.001, 0.6, 0.5, 0.7));
    String csvAfterThree = Files.readString(dir.resolve("history.csv"));

    History loaded = History.load(dir.resolve("history.csv"), dir.resolve("history.json"));
    assertEquals(List.of(0, 1, 2), loaded.epochs());
    assertEquals(Arrays.asList(0.9, 0.8, 0.7), loaded.values("loss"));
    assertEquals(history.keys(), loaded.keys());

    // Resume from the checkpoint of epoch 2 (index 1): epoch index 2 is run again.
    loaded.truncate(2);
    assertEquals(2, loaded.size());
    loaded.record(2, logs(0.7, 0.001, 0.6, 0.5, 0.7));
    assertEquals(csvAfterThree, Files.readString(dir.resolve("history.csv")));
  }

  @Test
  void malformedJsonIsAUserError() throws Exception {
    Path json = dir.resolve("history.json");
    Files.writeString(json, "{\"epoch\":[0,1],\"loss\":[0.5]}");
    UserError e =
        assertThrows(UserError.class, () -> History.load(dir.resolve("history.csv"), json));
    assertTrue(e.getMessage().startsWith(json.toString()), e.getMessage());
    Files.writeString(json, "not json");
    assertThrows(UserError.class, () -> History.load(dir.resolve("history.csv"), json));
    assertThrows(
        UserError.class, () -> History.load(dir.resolve("history.csv"), dir.resolve("missing")));
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void filesAreReadableByOthersLikeTheRestOfTheRun() throws Exception {
    history().record(0, logs(0.5, 0.001, 0.4, 0.7, 0.9));
    for (String f : List.of("history.csv", "history.json")) {
      assertEquals(
          "rw-r--r--",
          java.nio.file.attribute.PosixFilePermissions.toString(
              Files.getPosixFilePermissions(dir.resolve(f))),
          f);
    }
  }
}
