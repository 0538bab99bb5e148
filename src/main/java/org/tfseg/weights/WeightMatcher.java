package org.tfseg.weights;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.tfseg.graph.ModelVariable;

/**
 * Pairs the layers of a Keras file with the layers of variables below a scope ({@link MatchMode}):
 * a model layer {@code <scope>/<layer>/<leaf>} finds the file layer {@code <layer>} by name, or the
 * file's i-th weighted layer by position if it is the model's i-th; then its variables take that
 * layer's weights by leaf (by name) or in order (by position), every shape checked.
 */
final class WeightMatcher {
  private WeightMatcher() {}

  /** A model layer: its name below the scope and its variables in creation order. */
  private record ModelLayer(String name, List<ModelVariable> variables) {}

  static ImportPlan match(
      Path file,
      List<KerasLayer> layers,
      List<ModelVariable> variables,
      String scope,
      MatchMode mode) {
    Objects.requireNonNull(mode, "mode");
    String prefix = scope.isEmpty() ? "" : scope + "/";
    List<ModelVariable> own = variables.stream().filter(v -> v.name().startsWith(prefix)).toList();
    if (own.isEmpty()) {
      throw new IllegalArgumentException(
          "no model variables below scope \"" + scope + "\": build the encoder first");
    }
    List<ModelLayer> model = modelLayers(own, prefix);
    List<KerasLayer> weighted = layers.stream().filter(l -> !l.weights().isEmpty()).toList();
    Map<String, KerasLayer> named = new HashMap<>();
    layers.forEach(l -> named.putIfAbsent(l.name(), l));

    KerasLayer[] source = new KerasLayer[model.size()];
    ImportMode[] how = new ImportMode[model.size()];
    Set<KerasLayer> claimed = Collections.newSetFromMap(new IdentityHashMap<>());
    if (mode != MatchMode.POSITION) {
      for (int i = 0; i < model.size(); i++) {
        KerasLayer f = named.get(model.get(i).name());
        if (f != null && (mode == MatchMode.NAME || hasEveryLeaf(f, model.get(i)))) {
          claim(i, f, ImportMode.BY_NAME, source, how, claimed);
        }
      }
    }
    if (mode != MatchMode.NAME) {
      for (int i = 0; i < Math.min(model.size(), weighted.size()); i++) {
        if (source[i] == null && !claimed.contains(weighted.get(i))) {
          claim(i, weighted.get(i), ImportMode.BY_POSITION, source, how, claimed);
        }
      }
    }
    if (mode == MatchMode.AUTO) {
      // a layer the file has under its name but with other leaves, whose position was taken
      for (int i = 0; i < model.size(); i++) {
        KerasLayer f = named.get(model.get(i).name());
        if (source[i] == null && f != null && !claimed.contains(f)) {
          claim(i, f, ImportMode.BY_NAME, source, how, claimed);
        }
      }
    }

    Builder b = new Builder();
    Set<KerasWeight> considered = Collections.newSetFromMap(new IdentityHashMap<>());
    for (int i = 0; i < model.size(); i++) {
      ModelLayer m = model.get(i);
      if (source[i] == null) {
        b.unmatched.add(m.name());
        m.variables().forEach(v -> b.missing.add(v.name()));
        continue;
      }
      b.layers.add(new LayerMatch(m.name(), source[i].name(), how[i]));
      if (how[i] == ImportMode.BY_NAME) {
        pairByName(b, m, source[i], considered);
      } else {
        pairByPosition(b, m, source[i], considered);
      }
    }
    for (KerasLayer l : layers) {
      l.weights().stream()
          .filter(w -> !considered.contains(w))
          .forEach(w -> b.unexpected.add(w.datasetPath()));
    }
    return b.build(file, mode);
  }

  private static void claim(
      int i,
      KerasLayer f,
      ImportMode mode,
      KerasLayer[] source,
      ImportMode[] how,
      Set<KerasLayer> claimed) {
    source[i] = f;
    how[i] = mode;
    claimed.add(f);
  }

  private static boolean hasEveryLeaf(KerasLayer f, ModelLayer m) {
    Map<String, KerasWeight> leaves = leaves(f);
    return m.variables().stream().allMatch(v -> leaves.containsKey(leaf(v)));
  }

  private static void pairByName(
      Builder b, ModelLayer m, KerasLayer f, Set<KerasWeight> considered) {
    Map<String, KerasWeight> leaves = leaves(f);
    for (ModelVariable v : m.variables()) {
      KerasWeight w = leaves.get(leaf(v));
      if (w == null) {
        b.missing.add(v.name());
      } else {
        considered.add(w);
        b.pair(v, w);
      }
    }
  }

  private static void pairByPosition(
      Builder b, ModelLayer m, KerasLayer f, Set<KerasWeight> considered) {
    List<ModelVariable> vs = m.variables();
    List<KerasWeight> ws = f.weights();
    considered.addAll(ws);
    if (vs.size() != ws.size()) {
      String layer = vs.get(0).name().substring(0, vs.get(0).name().lastIndexOf('/'));
      b.mismatches.add(
          layer + " (" + vs.size() + " weights) ← " + f.name() + " (" + ws.size() + " weights)");
      return;
    }
    for (int j = 0; j < vs.size(); j++) {
      b.pair(vs.get(j), ws.get(j));
    }
  }

  /** A file layer's weights by leaf ({@code kernel}, …); the first of equal leaves wins. */
  private static Map<String, KerasWeight> leaves(KerasLayer f) {
    Map<String, KerasWeight> leaves = new HashMap<>();
    f.weights().forEach(w -> leaves.putIfAbsent(w.leaf(), w));
    return leaves;
  }

  private static String leaf(ModelVariable v) {
    return v.name().substring(v.name().lastIndexOf('/') + 1);
  }

  /** Variables grouped by layer (the name without its leaf, below the scope), in creation order. */
  private static List<ModelLayer> modelLayers(List<ModelVariable> own, String prefix) {
    Map<String, List<ModelVariable>> layers = new LinkedHashMap<>();
    for (ModelVariable v : own) {
      String name = v.name().substring(prefix.length(), v.name().lastIndexOf('/'));
      layers.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
    }
    return layers.entrySet().stream()
        .map(e -> new ModelLayer(e.getKey(), List.copyOf(e.getValue())))
        .toList();
  }

  private static final class Builder {
    final List<Assignment> assignments = new ArrayList<>();
    final List<LayerMatch> layers = new ArrayList<>();
    final List<String> unmatched = new ArrayList<>();
    final List<String> missing = new ArrayList<>();
    final List<String> unexpected = new ArrayList<>();
    final List<String> mismatches = new ArrayList<>();
    long values;

    void pair(ModelVariable v, KerasWeight w) {
      long[] shape = v.shape().asArray();
      if (!Arrays.equals(shape, w.shape())) {
        mismatches.add(
            v.name()
                + " "
                + Arrays.toString(shape)
                + " ← "
                + w.datasetPath()
                + " "
                + Arrays.toString(w.shape()));
        return;
      }
      assignments.add(new Assignment(v, w));
      values += v.size();
    }

    ImportPlan build(Path file, MatchMode mode) {
      ImportReport report =
          new ImportReport(
              file,
              mode,
              List.copyOf(layers),
              List.copyOf(unmatched),
              assignments.size(),
              values,
              List.copyOf(missing),
              List.copyOf(unexpected),
              List.copyOf(mismatches));
      return new ImportPlan(List.copyOf(assignments), report);
    }
  }
}
