package org.tfseg.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.tfseg.UserError;

/**
 * Reads experiment files: parse, apply {@code --set} overrides, bind strictly into {@link
 * Experiment}, validate. Every problem becomes a one-line {@link UserError} naming the file, the
 * JSON path and the problem, e.g. {@code x.json: $.training.batch_size: must be >= 1, got 0}.
 */
public final class ExperimentLoader {
  private ExperimentLoader() {}

  /** Loads {@code file} without overrides. */
  public static Experiment load(Path file) {
    return load(file, List.of());
  }

  /**
   * Loads {@code file}, applying each override ({@code a.b.c=value}, see {@code
   * docs/experiments.md}) in order before binding.
   *
   * @throws UserError if the file cannot be read, is not valid JSON, an override is malformed, or
   *     the result is not a valid experiment
   */
  public static Experiment load(Path file, List<String> overrides) {
    return bind(read(file), overrides, file.toString());
  }

  /**
   * Parses JSON text as if it were the file {@code source} (used in messages); for tests and tools
   * that hold the text in memory.
   */
  public static Experiment parse(String json, List<String> overrides, String source) {
    return bind(
        parseTree(json.getBytes(java.nio.charset.StandardCharsets.UTF_8), source),
        overrides,
        source);
  }

  /**
   * The resolved experiment, every default filled in, as pretty-printed JSON that loads back equal.
   */
  public static String toJson(Experiment experiment) {
    try {
      return ConfigJson.MAPPER.writeValueAsString(experiment) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize experiment", e); // a bug, not a user error
    }
  }

  private static JsonNode read(Path file) {
    if (Files.isDirectory(file)) {
      throw new UserError(file + ": is a directory, not an experiment file");
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new UserError(file + ": file not found");
    } catch (AccessDeniedException e) {
      throw new UserError(file + ": cannot read (permission denied)");
    } catch (IOException e) {
      throw new UserError(file + ": cannot read (" + e.getMessage() + ")");
    }
    return parseTree(bytes, file.toString());
  }

  private static JsonNode parseTree(byte[] bytes, String source) {
    JsonNode root;
    try {
      root = ConfigJson.MAPPER.readTree(bytes);
    } catch (JacksonException e) {
      JsonLocation loc = e.getLocation();
      String where =
          loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
      throw new UserError(source + ": " + where + "malformed JSON (" + parseProblem(e) + ")");
    } catch (IOException e) {
      throw new UserError(source + ": cannot read (" + e.getMessage() + ")");
    }
    if (root == null || root.isMissingNode()) {
      throw new UserError(source + ": the file is empty; expected a JSON object");
    }
    return root;
  }

  private static Experiment bind(JsonNode root, List<String> overrides, String source) {
    if (!(root instanceof ObjectNode obj)) {
      throw new UserError(source + ": $: expected an object, got " + JsonPath.describe(root));
    }
    for (String override : overrides) {
      try {
        Overrides.apply(obj, override);
      } catch (Overrides.BadOverride e) {
        throw new UserError(source + ": bad override '" + override + "': " + e.getMessage());
      }
    }
    rejectNulls(obj, JsonPath.ROOT, source);
    try {
      return ConfigJson.MAPPER.treeToValue(obj, Experiment.class);
    } catch (JsonMappingException e) {
      throw new UserError(source + ": " + BindingErrors.describe(e, obj));
    } catch (JsonProcessingException e) {
      throw new UserError(source + ": " + firstLine(e.getOriginalMessage()));
    } catch (InvalidConfigException e) {
      throw new UserError(source + ": " + e.getMessage()); // not wrapped by Jackson: no path
    }
  }

  /**
   * Where an explicit null means something: {@code "weights": null} trains an encoder from scratch.
   */
  private static final java.util.Set<String> NULLABLE = java.util.Set.of("$.model.encoder.weights");

  /**
   * No value may be null (optional keys are omitted instead), except at {@link #NULLABLE} paths,
   * and no number may be infinite: JSON has no infinity, but Jackson reads {@code 1e999} as one.
   */
  private static void rejectNulls(JsonNode node, String path, String source) {
    if (node.isNull() && !NULLABLE.contains(path)) {
      throw new UserError(
          source + ": " + path + ": null is not allowed (omit the key to use its default)");
    }
    if (node.isNumber() && !Double.isFinite(node.doubleValue())) {
      throw new UserError(
          source
              + ": "
              + path
              + ": must be a finite number, got one beyond the double range (it would read as "
              + node.doubleValue()
              + ")");
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        rejectNulls(f.getValue(), JsonPath.child(path, f.getKey()), source);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        rejectNulls(node.get(i), JsonPath.index(path, i), source);
      }
    }
  }

  /** Jackson's parse message without source echoes and Jackson-internal wording. */
  private static String parseProblem(JacksonException e) {
    String m = firstLine(e.getOriginalMessage());
    if (m.startsWith("Trailing token")) {
      return "unexpected content after the top-level value";
    }
    return m.replaceAll(
            "\\[Source(Config)?: [^\\]]*?; line: (\\d+), column: (\\d+)\\]", "line $2, column $3")
        .replaceAll("\\[Source(Config)?: [^\\]]*?; line: (\\d+)\\]", "line $2");
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "unknown error";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
