package org.tfseg.weights;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tfseg.graph.ModelVariable;

/**
 * Pairs the weights of a Keras file with the variables below a scope: by name when every variable
 * finds its {@code <layer>/<leaf>} in the file, else by the order of weighted layers (what Keras
 * does) if that fits every shape; if neither fits, the attempt that paired more tensors is
 * reported.
 */
final class WeightMatcher {
  private WeightMatcher() {}

  static ImportPlan match(
      Path file, List<KerasLayer> layers, List<ModelVariable> variables, String scope) {
    String prefix = scope.isEmpty() ? "" : scope + "/";
    List<ModelVariable> own = variables.stream().filter(v -> v.name().startsWith(prefix)).toList();
    if (own.isEmpty()) {
      throw new IllegalArgumentException(
          "no model variables below scope \"" + scope + "\": build the encoder first");
    }
    ImportPlan byName = byName(file, layers, own, prefix);
    if (byName.report().missing().isEmpty()) {
      return byName;
    }
    ImportPlan byPosition = byPosition(file, layers, own, prefix);
    if (byPosition.report().complete()
        || byPosition.assignments().size() > byName.assignments().size()) {
      return byPosition;
    }
    return byName;
  }

  private static ImportPlan byName(
      Path file, List<KerasLayer> layers, List<ModelVariable> own, String prefix) {
    Map<String, KerasWeight> weights = new HashMap<>();
    for (KerasLayer l : layers) {
      for (KerasWeight w : l.weights()) {
        weights.putIfAbsent(l.name() + "/" + w.leaf(), w);
      }
    }
    Builder b = new Builder();
    Set<KerasWeight> used = new HashSet<>();
    for (ModelVariable v : own) {
      KerasWeight w = weights.get(v.name().substring(prefix.length()));
      if (w == null) {
        b.missing.add(v.name());
      } else {
        used.add(w);
        b.pair(v, w);
      }
    }
    for (KerasLayer l : layers) {
      l.weights().stream()
          .filter(w -> !used.contains(w))
          .forEach(w -> b.unexpected.add(w.datasetPath()));
    }
    return b.build(file, ImportMode.BY_NAME);
  }

  private static ImportPlan byPosition(
      Path file, List<KerasLayer> layers, List<ModelVariable> own, String prefix) {
    List<KerasLayer> fileLayers = layers.stream().filter(l -> !l.weights().isEmpty()).toList();
    List<List<ModelVariable>> modelLayers = new ArrayList<>(modelLayers(own, prefix).values());
    Builder b = new Builder();
    int common = Math.min(fileLayers.size(), modelLayers.size());
    for (int i = 0; i < common; i++) {
      List<ModelVariable> vs = modelLayers.get(i);
      List<KerasWeight> ws = fileLayers.get(i).weights();
      if (vs.size() != ws.size()) {
        b.mismatches.add(
            layerOf(vs.get(0))
                + " ("
                + vs.size()
                + " weights) ← "
                + fileLayers.get(i).name()
                + " ("
                + ws.size()
                + " weights)");
        continue;
      }
      for (int j = 0; j < vs.size(); j++) {
        b.pair(vs.get(j), ws.get(j));
      }
    }
    modelLayers
        .subList(common, modelLayers.size())
        .forEach(vs -> vs.forEach(v -> b.missing.add(v.name())));
    fileLayers
        .subList(common, fileLayers.size())
        .forEach(l -> l.weights().forEach(w -> b.unexpected.add(w.datasetPath())));
    return b.build(file, ImportMode.BY_POSITION);
  }

  /** Variables grouped by layer (the name without its leaf), in creation order. */
  private static Map<String, List<ModelVariable>> modelLayers(
      List<ModelVariable> own, String prefix) {
    Map<String, List<ModelVariable>> layers = new LinkedHashMap<>();
    for (ModelVariable v : own) {
      layers.computeIfAbsent(layerOf(v), k -> new ArrayList<>()).add(v);
    }
    return layers;
  }

  private static String layerOf(ModelVariable v) {
    return v.name().substring(0, v.name().lastIndexOf('/'));
  }

  private static final class Builder {
    final List<Assignment> assignments = new ArrayList<>();
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

    ImportPlan build(Path file, ImportMode mode) {
      ImportReport report =
          new ImportReport(
              file,
              mode,
              assignments.size(),
              values,
              List.copyOf(missing),
              List.copyOf(unexpected),
              List.copyOf(mismatches));
      return new ImportPlan(List.copyOf(assignments), report);
    }
  }
}
