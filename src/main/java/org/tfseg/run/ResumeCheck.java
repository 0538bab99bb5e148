package org.tfseg.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.tfseg.UserError;
import org.tfseg.config.Experiment;
import org.tfseg.config.ExperimentLoader;

/**
 * What {@code train --resume RUN} may change: the experiment given (with its {@code --set}
 * overrides) is compared, resolved, with the run's own {@code experiment.json}, resolved the same
 * way (so defaults added since are no difference). Only {@link #CHANGEABLE} keys — how long to
 * train, how often to checkpoint, on how many replicas, whether activations are recomputed,
 * input-pipeline speed, evaluation, where new runs go — may differ; another name, model, data,
 * loss, optimizer, callback or metric is refused naming each differing key, since the run's
 * checkpoints, history and callback states belong to its experiment.
 */
public final class ResumeCheck {
  /** JSON paths that may differ on resume; {@code .*} covers a subtree. */
  public static final List<String> CHANGEABLE =
      List.of(
          "$.training.epochs",
          "$.training.max_steps",
          "$.training.checkpoints.*",
          "$.training.distribution.*",
          "$.training.gradient_checkpointing",
          "$.data.parallel_calls",
          "$.data.prefetch_batches",
          "$.evaluation.*",
          "$.run_root");

  private static final int LISTED = 4;
  private static final ObjectMapper JSON = new ObjectMapper();

  private ResumeCheck() {}

  /**
   * @return one line per allowed difference ({@code $.training.epochs: 1 -> 3}), empty if none
   * @throws UserError naming the differing keys when a key outside {@link #CHANGEABLE} differs, or
   *     naming the run's {@code experiment.json} when it cannot be read back
   */
  public static List<String> require(RunDirectory run, Experiment now) {
    Experiment before;
    try {
      before = ExperimentLoader.load(run.experimentFile());
    } catch (UserError e) {
      throw new UserError(e.getMessage() + " (the run's own experiment, which --resume checks)");
    }
    List<String> diffs = new ArrayList<>();
    diff("$", tree(before), tree(now), diffs);
    List<String> allowed = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    for (String d : diffs) {
      (changeable(d.substring(0, d.indexOf(": "))) ? allowed : refused).add(d);
    }
    if (!refused.isEmpty()) {
      String shown = String.join("; ", refused.subList(0, Math.min(LISTED, refused.size())));
      throw new UserError(
          run.experimentFile()
              + ": the run was trained with another experiment: "
              + shown
              + (refused.size() > LISTED ? "; and " + (refused.size() - LISTED) + " more" : "")
              + " (run -> now). --resume may change only "
              + String.join(", ", CHANGEABLE.stream().map(p -> p.substring(2)).toList())
              + "; train a new run for anything else");
    }
    return allowed.stream().map(d -> d + " (allowed on --resume)").toList();
  }

  private static boolean changeable(String path) {
    return CHANGEABLE.stream()
        .map(p -> p.endsWith(".*") ? p.substring(0, p.length() - 2) : p)
        .anyMatch(p -> path.equals(p) || path.startsWith(p + ".") || path.startsWith(p + "["));
  }

  private static JsonNode tree(Experiment e) {
    try {
      return JSON.readTree(ExperimentLoader.toJson(e));
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException("the resolved experiment does not parse back", ex);
    }
  }

  /** Appends {@code path: before -> after} for every leaf that differs. */
  private static void diff(String path, JsonNode a, JsonNode b, List<String> out) {
    if (a.isObject() && b.isObject()) {
      Set<String> keys = new LinkedHashSet<>();
      a.fieldNames().forEachRemaining(keys::add);
      b.fieldNames().forEachRemaining(keys::add);
      for (String k : keys) {
        diff(path + "." + k, value(a, k), value(b, k), out);
      }
    } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
      Iterator<JsonNode> x = a.elements();
      Iterator<JsonNode> y = b.elements();
      for (int i = 0; x.hasNext(); i++) {
        diff(path + "[" + i + "]", x.next(), y.next(), out);
      }
    } else if (!a.equals(b)) {
      out.add(path + ": " + show(a) + " -> " + show(b));
    }
  }

  private static JsonNode value(JsonNode object, String key) {
    JsonNode v = object.get(key);
    return v == null ? MissingNode.getInstance() : v;
  }

  private static String show(JsonNode n) {
    if (n.isMissingNode()) {
      return "absent";
    }
    String s = n.toString();
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
