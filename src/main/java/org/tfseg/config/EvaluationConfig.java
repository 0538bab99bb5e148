package org.tfseg.config;

import java.util.List;
import org.tfseg.metric.Metric;
import org.tfseg.metric.Metrics;

/**
 * The final evaluation of the trained model.
 *
 * @param metrics metrics to report besides the loss (default none); {@code sod} alone gives the
 *     PySODMetrics salient-object report at each mask's original size
 * @param threshold probability above which a pixel counts as foreground (default 0.5, in (0, 1))
 * @param split the split evaluated (default test)
 */
public record EvaluationConfig(List<Metric> metrics, Double threshold, Split split) {
  public EvaluationConfig {
    metrics = Check.listOrEmpty(metrics);
    threshold = Check.orDefault(threshold, 0.5);
    split = Check.orDefault(split, Split.TEST);
    Metrics.checkNoDuplicates(metrics, "metrics");
    if (metrics.contains(Metric.SOD) && metrics.size() > 1) {
      throw new InvalidConfigException(
          "metrics", "'sod' reports its own nine metrics (MAE included); list it alone");
    }
    Check.inOpenRange(threshold, 0, 1, "threshold");
  }

  /** All defaults: no metrics, threshold 0.5, the test split. */
  public static EvaluationConfig defaults() {
    return new EvaluationConfig(null, null, null);
  }
}
