package org.tfseg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.tfseg.metric.Metric;

/**
 * docs/experiments.md is the reference of the experiment schema; this test parses it and checks it
 * against the records, not by word presence.
 *
 * <p>The page's form: each one-of has one line {@code Kinds of `Interface`: `a`, `b`, …} listing
 * its kinds in {@code permits} order. Each record reachable from {@link Experiment} has a section:
 * a heading ending in {@code (`RecordName`)}, then optional prose, then either a key table {@code |
 * Key | Type | Default | Range | Meaning |} or the line {@code No keys.}. A table belongs to the
 * record named by the nearest heading above it; a heading that names no record ends the section, so
 * a key table under it is an error, as is a second table in one section. Fenced code blocks are
 * skipped. A kind's heading also shows its discriminator, {@code "type": "bce"}.
 *
 * <p>A Default cell is {@code required}, text starting with {@code absent}, one backticked JSON
 * literal, or {@code all defaults}; each is checked by binding the record with its required keys
 * filled ({@link ConfigSamples}) but without the key, and serialising it.
 */
class DocsReferenceTest {
  private static final Path DOCS = Path.of("docs/experiments.md");

  static final List<String> KEY_HEADER = List.of("Key", "Type", "Default", "Range", "Meaning");
  static final List<String> NAME_HEADER = List.of("Name", "Meaning");

  private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
  private static final Pattern NAMED_HEADING = Pattern.compile("\\(`([A-Za-z_$][\\w$]*)`\\)$");
  private static final Pattern KINDS_LINE =
      Pattern.compile("^Kinds of `([A-Za-z_$][\\w$]*)`: (`[^`]+`(?:, `[^`]+`)*)\\.?$");
  private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");
  private static final Pattern ONE_BACKTICKED = Pattern.compile("^`([^`]+)`$");
  private static final Pattern LINK = Pattern.compile("\\]\\(#([^)\\s]+)\\)");

  // ---------------------------------------------------------------------------------------------
  // The checks, one test each.

  @Test
  void pageIsWellFormed() throws IOException {
    assertNoProblems(page().problems);
  }

  @Test
  void kindsLinesFollowThePermitsLists() throws IOException {
    assertNoProblems(kindsProblems(page()));
  }

  @Test
  void keyTablesListTheRecordsKeysInOrder() throws IOException {
    assertNoProblems(keyTableProblems(page()));
  }

  @Test
  void defaultCellsAgreeWithTheRecords() throws IOException {
    assertNoProblems(defaultProblems(page()));
  }

  @Test
  void enumNamesAreListed() throws IOException {
    assertNoProblems(enumProblems(page()));
  }

  @Test
  void linksPointAtHeadings() throws IOException {
    assertNoProblems(linkProblems(page()));
  }

  @Test
  void completeExampleMatchesTheFileAndItsResolvedForm() throws IOException {
    String docs = Files.readString(DOCS);
    Path file = Path.of("experiments/unet_duts.json");
    assertTrue(docs.contains(Files.readString(file).strip()), "docs example differs from " + file);
    String resolved = ExperimentLoader.toJson(ExperimentLoader.load(file, List.of())).strip();
    assertTrue(docs.contains(resolved), "docs' resolved example differs from toJson:\n" + resolved);
  }

  @Test
  void schemaSeesTheWholeTree() {
    Schema schema = new Schema();
    for (Class<?> c :
        List.of(
            Experiment.class,
            DataConfig.class,
            TrainingConfig.class,
            EvaluationConfig.class,
            org.tfseg.data.AugmentationConfig.class,
            org.tfseg.data.BrightnessContrastConfig.class,
            org.tfseg.model.encoder.EncoderConfig.class,
            org.tfseg.loss.WeightedTermConfig.class,
            org.tfseg.loss.BinaryCrossEntropyConfig.class,
            org.tfseg.data.source.SyntheticSourceConfig.class,
            org.tfseg.callback.EarlyStoppingConfig.class,
            org.tfseg.model.decoder.AtrousDecoderConfig.class)) {
      assertTrue(schema.records.contains(c), c.getSimpleName() + " missing from " + schema.records);
    }
    assertFalse(schema.records.contains(ImageSize.class), "ImageSize is written as [H, W]");
    assertEquals(Set.of(Metric.class, org.tfseg.optim.WeightGroup.class), schema.listedEnums);
    assertTrue(Kinds.reachableOneOfs(Experiment.class).size() >= 6);
    Set<String> words = ConfigSchema.allWords();
    for (String w :
        List.of(
            "name",
            "architecture",
            "base_filters",
            "layout",
            "subset",
            "count",
            "type",
            "beta_1",
            "centered",
            "nesterov",
            "min_lr",
            "start_from_epoch",
            "save_best_only",
            "unet",
            "synthetic",
            "bce",
            "sgd",
            "early_stopping",
            "mae",
            "max",
            "validation")) {
      assertTrue(words.contains(w), w + " missing from " + words);
    }
  }

  /** Each check fails, naming the one-of, record and key, when the page is broken. */
  @Test
  void checksCatchABrokenPage() throws IOException {
    String docs = Files.readString(DOCS);

    Page dropped =
        parse(
            mutate(
                docs,
                "`adam`, `adamw`, `rmsprop`, `sgd`.",
                "`adam`, `adamw`, `sgd`.",
                "drop a kind"));
    assertMentions(kindsProblems(dropped), "OptimizerConfig", "rmsprop");

    String adam =
        "| `beta_1` | number | `0.9` | [0, 1) | Decay of the first-moment estimate. |\n"
            + "| `beta_2` | number | `0.999` | [0, 1) | Decay of the second-moment estimate. |\n";
    String swapped =
        "| `beta_2` | number | `0.999` | [0, 1) | Decay of the second-moment estimate. |\n"
            + "| `beta_1` | number | `0.9` | [0, 1) | Decay of the first-moment estimate. |\n";
    assertMentions(
        keyTableProblems(parse(mutate(docs, adam, swapped, "swap two keys"))),
        "AdamConfig",
        "another order");

    String epsilon = "| `epsilon` | number | `1e-7` |";
    assertMentions(
        defaultProblems(parse(mutate(docs, epsilon, "| `epsilon` | number | `1e-6` |", "default"))),
        "AdamConfig.epsilon",
        "1.0E-7");

    String count = "| `count` | int | required |";
    assertMentions(
        defaultProblems(parse(mutate(docs, count, "| `count` | int | `16` |", "required"))),
        "SyntheticSourceConfig.count",
        "required key is missing");

    String limit = "| `limit` | int | absent (all) | >= 1 | Use at most this many samples. |";
    assertMentions(
        defaultProblems(parse(mutate(docs, limit, limit.replace("absent (all)", "`0`"), "absent"))),
        "DutsSourceConfig.limit",
        "absent");

    String evaluation = "| `evaluation` | object | all defaults |";
    assertMentions(
        defaultProblems(
            parse(mutate(docs, evaluation, "| `evaluation` | object | required |", ""))),
        "Experiment.evaluation",
        "binds without it");

    assertMentions(
        linkProblems(parse(mutate(docs, "](#data-dataconfig)", "](#data)", "link"))), "#data");

    String record = "(`DiceConfig`)";
    Page stale = parse(mutate(docs, record, "(`DiceLoss`)", "stale record name"));
    assertMentions(keyTableProblems(stale), "DiceConfig", "no section");
    assertMentions(keyTableProblems(stale), "DiceLoss", "names no record");
  }

  // ---------------------------------------------------------------------------------------------
  // The checks.

  /** (a) Each reachable one-of's {@code Kinds of} line is its {@code permits} list, in order. */
  static List<String> kindsProblems(Page page) {
    List<String> problems = new ArrayList<>();
    Set<String> oneOfNames = new LinkedHashSet<>();
    for (Class<?> oneOf : Kinds.reachableOneOfs(Experiment.class)) {
      String name = oneOf.getSimpleName();
      oneOfNames.add(name);
      List<String> expected = List.copyOf(Kinds.of(oneOf).keySet());
      KindsLine line = page.kinds.get(name);
      if (line == null) {
        problems.add(
            "one-of " + name + ": no line `Kinds of `" + name + "`: …` (kinds: " + expected + ")");
      } else if (!line.kinds.equals(expected)) {
        problems.add(
            "one-of "
                + name
                + " (line "
                + line.line
                + "): the Kinds line lists "
                + line.kinds
                + ", its permits list gives "
                + expected
                + " ("
                + difference(line.kinds, expected, "not listed", "no such kind")
                + ")");
      }
      String discriminator = Kinds.discriminator(oneOf);
      for (Map.Entry<String, Class<?>> kind : Kinds.of(oneOf).entrySet()) {
        Section s = page.sections.get(kind.getValue().getSimpleName());
        String shown = "\"" + discriminator + "\": \"" + kind.getKey() + "\"";
        if (s != null && !s.heading.contains(shown)) {
          problems.add(
              "one-of "
                  + name
                  + ": the heading of "
                  + kind.getValue().getSimpleName()
                  + " (line "
                  + s.line
                  + ") does not show "
                  + shown);
        }
      }
    }
    for (KindsLine line : page.kinds.values()) {
      if (!oneOfNames.contains(line.oneOf)) {
        problems.add(
            "line "
                + line.line
                + ": `Kinds of `"
                + line.oneOf
                + "`` names no one-of reachable from Experiment (one-ofs: "
                + oneOfNames
                + ")");
      }
    }
    return problems;
  }

  /**
   * (b) Each reachable record has a section whose key table lists the keys it accepts, in
   * declaration order, the discriminator excluded; and each section names a reachable record.
   */
  static List<String> keyTableProblems(Page page) {
    Schema schema = new Schema();
    List<String> problems = new ArrayList<>();
    for (Class<?> record : schema.records) {
      String name = record.getSimpleName();
      Section s = page.sections.get(name);
      List<String> expected = schema.keys(record);
      if (s == null) {
        problems.add(
            "record "
                + name
                + ": no section (a heading ending in (`"
                + name
                + "`)); its keys: "
                + expected);
        continue;
      }
      if (s.noKeys) {
        if (!expected.isEmpty()) {
          problems.add(
              "record "
                  + name
                  + " (line "
                  + s.line
                  + "): says No keys., but it accepts "
                  + expected);
        }
        continue;
      }
      if (s.header == null) {
        problems.add(
            "record "
                + name
                + " (line "
                + s.line
                + "): neither a key table nor `No keys.`; its keys: "
                + expected);
        continue;
      }
      if (!s.header.equals(KEY_HEADER)) {
        problems.add(
            "record " + name + " (line " + s.line + "): its table's header is " + s.header);
        continue;
      }
      List<String> documented = new ArrayList<>();
      for (Row row : s.rows) {
        if (row.cells.size() != KEY_HEADER.size()) {
          problems.add(
              "record "
                  + name
                  + " (line "
                  + row.line
                  + "): a row of "
                  + row.cells.size()
                  + " cells, not "
                  + KEY_HEADER.size());
        }
        String key = row.key();
        if (key == null) {
          problems.add(
              "record "
                  + name
                  + " (line "
                  + row.line
                  + "): the Key cell '"
                  + row.cells.get(0)
                  + "' is not one backticked key");
        } else {
          documented.add(key);
        }
      }
      if (!documented.equals(expected)) {
        problems.add(
            "record "
                + name
                + " (line "
                + s.line
                + "): the key table lists "
                + documented
                + ", the record accepts "
                + expected
                + " ("
                + difference(documented, expected, "undocumented", "not accepted")
                + ")");
      }
    }
    Set<String> known = new LinkedHashSet<>();
    schema.records.forEach(r -> known.add(r.getSimpleName()));
    schema.listedEnums.forEach(e -> known.add(e.getSimpleName()));
    for (Section s : page.sections.values()) {
      if (!known.contains(s.name)) {
        problems.add(
            "line "
                + s.line
                + ": the section (`"
                + s.name
                + "`) names no record or enum reachable from Experiment");
      }
    }
    return problems;
  }

  /** (c) Each Default cell agrees with what binding the record without that key gives. */
  static List<String> defaultProblems(Page page) {
    Schema schema = new Schema();
    List<String> problems = new ArrayList<>();
    for (Class<?> record : schema.records) {
      Section s = page.sections.get(record.getSimpleName());
      if (s == null || s.rows == null || !KEY_HEADER.equals(s.header)) {
        continue; // reported by keyTableProblems
      }
      Class<?> bindAs = schema.oneOfOf.getOrDefault(record, record);
      ObjectNode filled = ConfigSamples.JSON.objectNode();
      if (bindAs != record) {
        filled.put(Kinds.discriminator(bindAs), kindName(bindAs, record));
      }
      try {
        ConfigSamples.bindFillingRequired(bindAs, filled);
      } catch (JsonMappingException e) {
        problems.add(record.getSimpleName() + ": cannot bind it from sample values: " + e);
        continue;
      }
      for (Row row : s.rows) {
        String key = row.key();
        if (key != null && schema.keys(record).contains(key) && row.cells.size() > 2) {
          String problem = checkDefault(record, bindAs, filled, key, row.cells.get(2));
          if (problem != null) {
            problems.add(
                record.getSimpleName() + "." + key + " (line " + row.line + "): " + problem);
          }
        }
      }
    }
    return problems;
  }

  /** Null when {@code cell} agrees with the record, else what is wrong. */
  private static String checkDefault(
      Class<?> record, Class<?> bindAs, ObjectNode filled, String key, String cell) {
    String rec = record.getSimpleName();
    boolean required = cell.equals("required");
    boolean absent = cell.startsWith("absent");
    boolean allDefaults = cell.equals("all defaults");
    JsonNode literal = null;
    if (!required && !absent && !allDefaults) {
      Matcher m = ONE_BACKTICKED.matcher(cell);
      if (!m.matches()) {
        return "the Default cell '"
            + cell
            + "' is none of: required, absent…, a backticked JSON literal, all defaults";
      }
      try {
        literal = new ObjectMapper().readTree(m.group(1));
      } catch (JsonProcessingException e) {
        return "the Default cell " + cell + " is not a JSON literal";
      }
    }
    ObjectNode without = filled.deepCopy();
    without.remove(key);
    Object bound;
    try {
      bound = ConfigJson.MAPPER.treeToValue(without, bindAs);
    } catch (JsonMappingException e) {
      InvalidConfigException invalid = ConfigSamples.rootInvalid(e);
      boolean missing =
          invalid != null
              && key.equals(invalid.key())
              && ConfigSamples.REQUIRED.equals(invalid.problem());
      if (!missing) {
        return "binding " + rec + " without " + key + " fails: " + e.getOriginalMessage();
      }
      return required
          ? null
          : "the docs say " + cell + ", but " + rec + " without it fails: required key is missing";
    } catch (JsonProcessingException e) {
      return "binding " + rec + " without " + key + " fails: " + e.getOriginalMessage();
    }
    JsonNode value = ConfigJson.MAPPER.<ObjectNode>valueToTree(bound).get(key);
    String gives = value == null ? "no " + key + " (absent)" : key + " = " + value;
    if (required) {
      return "the docs say required, but " + rec + " binds without it and serialises " + gives;
    }
    if (absent) {
      return value == null
          ? null
          : "the docs say " + cell + ", but " + rec + " serialises " + gives;
    }
    JsonNode expected = literal;
    if (allDefaults) {
      Type type = ConfigSamples.componentType(record, key);
      if (!(type instanceof Class<?> nested) || !nested.isRecord() || Kinds.isOneOf(nested)) {
        return "the docs say all defaults, but " + key + " is no record (" + type + ")";
      }
      try {
        expected =
            ConfigJson.MAPPER.valueToTree(
                ConfigJson.MAPPER.treeToValue(ConfigSamples.JSON.objectNode(), nested));
      } catch (JsonProcessingException e) {
        return "the docs say all defaults, but "
            + nested.getSimpleName()
            + " does not bind from {}: "
            + e.getOriginalMessage();
      }
    }
    if (value != null && sameJson(expected, value)) {
      return null;
    }
    return "the docs say " + cell + ", but " + rec + " without it serialises " + gives;
  }

  /**
   * Each key whose type is an enum lists the enum's names in its Type cell ({@code
   * `valid`/`same`}); an enum used in lists ({@code Metric}) has a section with a {@code | Name |
   * Meaning |} table of its names.
   */
  static List<String> enumProblems(Page page) {
    Schema schema = new Schema();
    List<String> problems = new ArrayList<>();
    for (Class<?> record : schema.records) {
      Section s = page.sections.get(record.getSimpleName());
      if (s == null || s.rows == null) {
        continue;
      }
      for (Row row : s.rows) {
        String key = row.key();
        if (key == null || !schema.keys(record).contains(key) || row.cells.size() < 2) {
          continue;
        }
        if (ConfigSamples.componentType(record, key) instanceof Class<?> e && e.isEnum()) {
          List<String> listed = backticked(row.cells.get(1));
          List<String> names = ConfigSchema.enumNames(e);
          if (!listed.equals(names)) {
            problems.add(
                record.getSimpleName()
                    + "."
                    + key
                    + " (line "
                    + row.line
                    + "): the Type cell lists "
                    + listed
                    + ", enum "
                    + e.getSimpleName()
                    + " has "
                    + names);
          }
        }
      }
    }
    for (Class<?> e : schema.listedEnums) {
      List<String> names = ConfigSchema.enumNames(e);
      Section s = page.sections.get(e.getSimpleName());
      if (s == null || !NAME_HEADER.equals(s.header)) {
        problems.add(
            "enum "
                + e.getSimpleName()
                + ": no section with a | Name | Meaning | table (a heading ending in (`"
                + e.getSimpleName()
                + "`)); its names: "
                + names);
        continue;
      }
      List<String> listed = new ArrayList<>();
      s.rows.forEach(r -> listed.add(r.key()));
      if (!listed.equals(names)) {
        problems.add(
            "enum "
                + e.getSimpleName()
                + " (line "
                + s.line
                + "): the table lists "
                + listed
                + ", the enum has "
                + names
                + " ("
                + difference(listed, names, "undocumented", "no such name")
                + ")");
      }
    }
    return problems;
  }

  /** Every {@code [text](#anchor)} link names a heading's GitHub anchor. */
  static List<String> linkProblems(Page page) {
    Set<String> anchors = new LinkedHashSet<>();
    Map<String, Integer> seen = new HashMap<>();
    for (String heading : page.headings) {
      String slug =
          heading
              .toLowerCase(Locale.ROOT)
              .replaceAll("[^\\p{L}\\p{M}\\p{N}\\p{Pc}\\- ]", "")
              .replace(' ', '-');
      int n = seen.merge(slug, 1, Integer::sum);
      anchors.add(n == 1 ? slug : slug + "-" + (n - 1));
    }
    List<String> problems = new ArrayList<>();
    for (Map.Entry<Integer, String> link : page.links) {
      if (!anchors.contains(link.getValue())) {
        problems.add("line " + link.getKey() + ": no heading has the anchor #" + link.getValue());
      }
    }
    return problems;
  }

  // ---------------------------------------------------------------------------------------------
  // The schema: what is reachable from Experiment.

  /** The records and list-element enums reachable from {@link Experiment}, in discovery order. */
  static final class Schema {
    final Set<Class<?>> records = new LinkedHashSet<>();
    final Set<Class<?>> listedEnums = new LinkedHashSet<>();

    /** Kind record → its one-of. */
    final Map<Class<?>, Class<?>> oneOfOf = new LinkedHashMap<>();

    private final Set<Class<?>> seen = new LinkedHashSet<>();

    Schema() {
      walk(Experiment.class);
    }

    /** The record's JSON keys in declaration order, without its one-of's discriminator. */
    List<String> keys(Class<?> record) {
      List<String> keys = new ArrayList<>(ConfigSchema.keys(record));
      Class<?> oneOf = oneOfOf.get(record);
      if (oneOf != null) {
        keys.remove(Kinds.discriminator(oneOf));
      }
      return keys;
    }

    private void walk(Type type) {
      if (type instanceof ParameterizedType p) {
        for (Type arg : p.getActualTypeArguments()) {
          if (arg instanceof Class<?> c && c.isEnum()) {
            listedEnums.add(c);
          }
          walk(arg);
        }
        return;
      }
      if (!(type instanceof Class<?> c) || !seen.add(c)) {
        return;
      }
      if (Kinds.isOneOf(c)) {
        for (Class<?> kind : Kinds.of(c).values()) {
          oneOfOf.put(kind, c);
          walk(kind);
        }
      } else if (c.isRecord() && !writtenAsValue(c)) {
        records.add(c);
        for (RecordComponent rc : c.getRecordComponents()) {
          walk(rc.getGenericType());
        }
      }
    }

    /** A record written as a plain JSON value ({@link ImageSize} as {@code [H, W]}), no keys. */
    private static boolean writtenAsValue(Class<?> c) {
      for (Method m : c.getDeclaredMethods()) {
        if (m.isAnnotationPresent(JsonValue.class)) {
          return true;
        }
      }
      return false;
    }
  }

  private static String kindName(Class<?> oneOf, Class<?> record) {
    for (Map.Entry<String, Class<?>> kind : Kinds.of(oneOf).entrySet()) {
      if (kind.getValue() == record) {
        return kind.getKey();
      }
    }
    throw new AssertionError(record + " is no kind of " + oneOf);
  }

  // ---------------------------------------------------------------------------------------------
  // The page, parsed.

  /** One table row: its 1-based line and its cells, trimmed. */
  record Row(int line, List<String> cells) {
    /** The first cell's backticked word, or null when it is not exactly one. */
    String key() {
      Matcher m = ONE_BACKTICKED.matcher(cells.isEmpty() ? "" : cells.get(0));
      return m.matches() ? m.group(1) : null;
    }
  }

  /** A {@code Kinds of} line. */
  record KindsLine(int line, String oneOf, List<String> kinds) {}

  /** The section of one record (or enum): its heading and its key table or {@code No keys.}. */
  static final class Section {
    final String name;
    final int line;
    final String heading;
    List<String> header;
    List<Row> rows;
    boolean noKeys;

    Section(String name, int line, String heading) {
      this.name = name;
      this.line = line;
      this.heading = heading;
    }
  }

  static final class Page {
    final Map<String, Section> sections = new LinkedHashMap<>();
    final Map<String, KindsLine> kinds = new LinkedHashMap<>();
    final List<String> headings = new ArrayList<>();
    final List<Map.Entry<Integer, String>> links = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
  }

  private static Page page() throws IOException {
    return parse(Files.readString(DOCS));
  }

  static Page parse(String markdown) {
    Page page = new Page();
    String[] lines = markdown.split("\n", -1);
    boolean fenced = false;
    Section current = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int n = i + 1;
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      Matcher link = LINK.matcher(line);
      while (link.find()) {
        page.links.add(Map.entry(n, link.group(1)));
      }
    }
    fenced = false;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int n = i + 1;
      if (line.strip().startsWith("```")) {
        fenced = !fenced;
        continue;
      }
      if (fenced) {
        continue;
      }
      Matcher heading = HEADING.matcher(line);
      if (heading.matches()) {
        String text = heading.group(2);
        page.headings.add(text);
        current = null;
        Matcher named = NAMED_HEADING.matcher(text);
        if (named.find()) {
          String name = named.group(1);
          Section first = page.sections.get(name);
          if (first != null) {
            page.problems.add(
                "line "
                    + n
                    + ": a second section for `"
                    + name
                    + "` (first: line "
                    + first.line
                    + ")");
          } else {
            current = new Section(name, n, text);
            page.sections.put(name, current);
          }
        }
        continue;
      }
      if (line.startsWith("Kinds of")) {
        Matcher kinds = KINDS_LINE.matcher(line);
        if (!kinds.matches()) {
          page.problems.add(
              "line " + n + ": not of the form Kinds of `Interface`: `a`, `b`, …: " + line);
          continue;
        }
        KindsLine k = new KindsLine(n, kinds.group(1), backticked(kinds.group(2)));
        KindsLine first = page.kinds.putIfAbsent(k.oneOf, k);
        if (first != null) {
          page.problems.add(
              "line "
                  + n
                  + ": a second Kinds line for `"
                  + k.oneOf
                  + "` (first: line "
                  + first.line
                  + ")");
        }
        continue;
      }
      if (line.strip().equals("No keys.")) {
        if (claim(page, current, n)) {
          current.noKeys = true;
        }
        continue;
      }
      if (line.startsWith("|")) {
        int end = i;
        while (end < lines.length && lines[end].startsWith("|")) {
          end++;
        }
        List<String> header = cells(line);
        if (header.equals(KEY_HEADER) || header.equals(NAME_HEADER)) {
          if (claim(page, current, n)) {
            current.header = header;
            current.rows = new ArrayList<>();
            for (int j = i + 2; j < end; j++) {
              current.rows.add(new Row(j + 1, cells(lines[j])));
            }
          }
          if (header.equals(KEY_HEADER) && end - i <= 2) {
            page.problems.add("line " + n + ": an empty key table; write `No keys.` instead");
          }
          if (i + 1 >= end || !lines[i + 1].matches("\\|(\\s*:?-+:?\\s*\\|)+\\s*")) {
            page.problems.add("line " + (n + 1) + ": a key table without its |---| line");
          }
        } else if (!header.isEmpty() && header.get(0).equals("Key")) {
          page.problems.add("line " + n + ": a key table's header must be " + KEY_HEADER);
        }
        i = end - 1;
      }
    }
    return page;
  }

  /** Whether {@code current} can take a key table or {@code No keys.} at line {@code n}. */
  private static boolean claim(Page page, Section current, int n) {
    if (current == null) {
      page.problems.add(
          "line " + n + ": a key table or `No keys.` under a heading naming no record (`Record`)");
      return false;
    }
    if (current.header != null || current.noKeys) {
      page.problems.add(
          "line "
              + n
              + ": a second key table or `No keys.` in the section of "
              + current.name
              + " (line "
              + current.line
              + ")");
      return false;
    }
    return true;
  }

  private static List<String> cells(String row) {
    String body = row.strip();
    if (body.startsWith("|")) {
      body = body.substring(1);
    }
    if (body.endsWith("|")) {
      body = body.substring(0, body.length() - 1);
    }
    List<String> cells = new ArrayList<>();
    for (String cell : body.split("(?<!\\\\)\\|", -1)) {
      cells.add(cell.strip());
    }
    return cells;
  }

  private static List<String> backticked(String text) {
    List<String> words = new ArrayList<>();
    Matcher m = BACKTICKED.matcher(text);
    while (m.find()) {
      words.add(m.group(1));
    }
    return words;
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers.

  /** Equal JSON, numbers compared by value ({@code 1e-4} equals {@code 1.0E-4}, {@code 0} 0.0). */
  static boolean sameJson(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return Double.compare(a.doubleValue(), b.doubleValue()) == 0;
    }
    if ((a.isArray() && b.isArray()) || (a.isObject() && b.isObject())) {
      if (a.size() != b.size()) {
        return false;
      }
      if (a.isArray()) {
        for (int i = 0; i < a.size(); i++) {
          if (!sameJson(a.get(i), b.get(i))) {
            return false;
          }
        }
        return true;
      }
      for (Iterator<String> names = a.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        if (!b.has(name) || !sameJson(a.get(name), b.get(name))) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** How {@code documented} differs from {@code expected}. */
  private static String difference(
      List<String> documented, List<String> expected, String missingLabel, String extraLabel) {
    List<String> missing = new ArrayList<>(expected);
    missing.removeAll(documented);
    List<String> extra = new ArrayList<>(documented);
    extra.removeAll(expected);
    if (missing.isEmpty() && extra.isEmpty()) {
      return documented.size() == expected.size()
          ? "the same, in another order"
          : "the same, some listed twice";
    }
    List<String> parts = new ArrayList<>();
    if (!missing.isEmpty()) {
      parts.add(missingLabel + ": " + missing);
    }
    if (!extra.isEmpty()) {
      parts.add(extraLabel + ": " + extra);
    }
    List<String> common = new ArrayList<>(documented);
    common.removeAll(extra);
    List<String> order = new ArrayList<>(expected);
    order.removeAll(missing);
    if (!common.equals(order)) {
      parts.add("the rest in another order");
    }
    return String.join("; ", parts);
  }

  private static String mutate(String docs, String from, String to, String what) {
    assertTrue(docs.contains(from), "mutation '" + what + "': the page no longer has " + from);
    return docs.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
  }

  private static void assertMentions(List<String> problems, String... words) {
    assertTrue(
        problems.stream().anyMatch(p -> List.of(words).stream().allMatch(p::contains)),
        "no problem mentions " + List.of(words) + ": " + problems);
  }

  private static void assertNoProblems(List<String> problems) {
    assertTrue(
        problems.isEmpty(),
        problems.size() + " problem(s) in " + DOCS + ":\n  " + String.join("\n  ", problems));
  }
}
