package org.tfseg.callback;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tfseg.UserError;
import org.tfseg.run.AtomicFiles;

/**
 * Per-epoch logs of a run, written after every epoch to {@code history.csv} (Keras {@code
 * CSVLogger}: a header and one row per epoch, missing values as {@code NA}) and {@code
 * history.json} (Keras {@code History.history} plus an {@code epoch} list: {@code
 * {"epoch":[0,1],"loss":[…],…}}). Epochs are 0-based, as in Keras. Both files are replaced
 * atomically (temp file, then move), so a crash never leaves a half-written file.
 *
 * <p>Columns: {@code epoch}, then {@code loss} and training metrics, then {@code val_loss} and the
 * other {@code val_*}, then {@code learning_rate}; within a group in first-seen order. As a {@link
 * Callback} it records in {@link #onEpochEnd}, so it must come after callbacks that add to the logs
 * (ReduceLrOnPlateau), as Keras' History comes last. Non-finite values are written as {@code
 * nan}/{@code inf} in the CSV (Python's spelling) and as null in the JSON.
 */
public final class History implements Callback {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path csvFile;
  private final Path jsonFile;
  private final List<Integer> epochs = new ArrayList<>();
  private final List<Map<String, Double>> rows = new ArrayList<>();
  private final List<String> keys = new ArrayList<>();

  /** An empty history that will write to the given files. */
  public History(Path csvFile, Path jsonFile) {
    this.csvFile = csvFile;
    this.jsonFile = jsonFile;
  }

  /**
   * Loads {@code jsonFile} as written by {@link #record}, to continue a resumed run.
   *
   * @throws UserError if the file is missing, not JSON, or not shaped like a history
   */
  public static History load(Path csvFile, Path jsonFile) {
    History history = new History(csvFile, jsonFile);
    JsonNode root;
    try {
      root = JSON.readTree(jsonFile.toFile());
    } catch (IOException e) {
      throw new UserError(jsonFile + ": cannot read history: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject() || !root.path("epoch").isArray()) {
      throw new UserError(
          jsonFile + ": not a history file (expected an object with an \"epoch\" list)");
    }
    JsonNode epochList = root.get("epoch");
    int n = epochList.size();
    for (int i = 0; i < n; i++) {
      if (!epochList.get(i).canConvertToInt()) {
        throw new UserError(jsonFile + ": epoch[" + i + "] is not an integer");
      }
      history.epochs.add(epochList.get(i).intValue());
      history.rows.add(new LinkedHashMap<>());
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String key = field.getKey();
      if (key.equals("epoch")) {
        continue;
      }
      JsonNode values = field.getValue();
      if (!values.isArray() || values.size() != n) {
        throw new UserError(
            jsonFile + ": \"" + key + "\" must be a list of " + n + " numbers or nulls");
      }
      history.addKey(key);
      for (int i = 0; i < n; i++) {
        JsonNode value = values.get(i);
        if (value.isNumber()) {
          history.rows.get(i).put(key, value.doubleValue());
        } else if (!value.isNull()) {
          throw new UserError(jsonFile + ": " + key + "[" + i + "] is not a number");
        }
      }
    }
    return history;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs, TrainingControl control) {
    record(epoch, logs);
  }

  /** How many epochs the checkpoint covers: a resume drops the rows logged after it. */
  @Override
  public ObjectNode state() {
    ObjectNode state = StateJson.object();
    state.put("epochs", epochs.stream().mapToInt(e -> e + 1).max().orElse(0));
    return state;
  }

  @Override
  public void restoreState(JsonNode state) {
    truncate(StateJson.intOr(state, "epochs", Integer.MAX_VALUE));
  }

  /** Appends (or, for an epoch already recorded, replaces) one epoch and rewrites both files. */
  public void record(int epoch, Map<String, Double> logs) {
    Map<String, Double> row = new LinkedHashMap<>(logs);
    row.remove("epoch");
    row.keySet().forEach(this::addKey);
    int existing = epochs.indexOf(epoch);
    if (existing >= 0) {
      rows.set(existing, row);
    } else {
      epochs.add(epoch);
      rows.add(row);
    }
    write();
  }

  /**
   * Drops epochs {@code >= epochCount}, e.g. those logged after the checkpoint a run resumes from.
   * The files are rewritten at the next {@link #record}.
   */
  public void truncate(int epochCount) {
    for (int i = epochs.size() - 1; i >= 0; i--) {
      if (epochs.get(i) >= epochCount) {
        epochs.remove(i);
        rows.remove(i);
      }
    }
  }

  /** Column names without {@code epoch}, in file order. */
  public List<String> keys() {
    return Collections.unmodifiableList(keys);
  }

  /** Recorded epochs (0-based), in order. */
  public List<Integer> epochs() {
    return Collections.unmodifiableList(epochs);
  }

  /** Logs of the {@code index}-th recorded epoch (missing keys absent). */
  public Map<String, Double> row(int index) {
    return Collections.unmodifiableMap(rows.get(index));
  }

  /** One column; null where an epoch lacks the key. */
  public List<Double> values(String key) {
    List<Double> column = new ArrayList<>();
    for (Map<String, Double> row : rows) {
      column.add(row.get(key));
    }
    return column;
  }

  public int size() {
    return epochs.size();
  }

  private void addKey(String key) {
    if (keys.contains(key)) {
      return;
    }
    int group = group(key);
    int at = keys.size();
    for (int i = 0; i < keys.size(); i++) {
      if (group(keys.get(i)) > group) {
        at = i;
        break;
      }
    }
    keys.add(at, key);
  }

  /** 0: loss, 1: train metrics, 2: val_loss, 3: val metrics, 4: learning_rate. */
  private static int group(String key) {
    if (key.equals("loss")) {
      return 0;
    }
    if (key.equals("val_loss")) {
      return 2;
    }
    if (key.equals("learning_rate")) {
      return 4;
    }
    return key.startsWith("val_") ? 3 : 1;
  }

  private void write() {
    AtomicFiles.writeString(csvFile, csv());
    AtomicFiles.writeString(jsonFile, json());
  }

  private String csv() {
    StringBuilder csv = new StringBuilder("epoch");
    for (String key : keys) {
      csv.append(',').append(csvField(key));
    }
    csv.append('\n');
    for (int i = 0; i < epochs.size(); i++) {
      csv.append(epochs.get(i));
      for (String key : keys) {
        Double value = rows.get(i).get(key);
        csv.append(',').append(value == null ? "NA" : PyFormat.repr(value));
      }
      csv.append('\n');
    }
    return csv.toString();
  }

  private static String csvField(String text) {
    if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
      return '"' + text.replace("\"", "\"\"") + '"';
    }
    return text;
  }

  private String json() {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode epochList = root.putArray("epoch");
    epochs.forEach(epochList::add);
    for (String key : keys) {
      ArrayNode column = root.putArray(key);
      for (Map<String, Double> row : rows) {
        Double value = row.get(key);
        if (value == null || !Double.isFinite(value)) {
          column.addNull();
        } else {
          column.add(value);
        }
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
