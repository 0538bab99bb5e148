package org.tfseg.metric;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tfseg.config.InvalidConfigException;

/** Checks shared by the {@code metrics} lists of training and evaluation. */
public final class Metrics {
  private Metrics() {}

  /** Rejects a metric listed twice; {@code key} names the list. */
  public static void checkNoDuplicates(List<Metric> metrics, String key) {
    Set<Metric> seen = new HashSet<>();
    for (int i = 0; i < metrics.size(); i++) {
      Metric m = metrics.get(i);
      if (m == null) {
        throw new InvalidConfigException(key + "[" + i + "]", "null is not allowed");
      }
      if (!seen.add(m)) {
        throw new InvalidConfigException(
            key + "[" + i + "]", "metric '" + m.jsonName() + "' is listed twice");
      }
    }
  }

  /**
   * The quantities a callback may monitor: loss and each metric, plain and {@code val_}-prefixed.
   */
  public static List<String> monitorable(List<Metric> metrics) {
    List<String> names = new ArrayList<>(List.of("loss", "val_loss"));
    for (Metric m : metrics) {
      names.add(m.jsonName());
      names.add("val_" + m.jsonName());
    }
    return names;
  }
}
