package org.tfseg.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tfseg.callback.Callback;
import org.tfseg.callback.TrainingControl;
import org.tfseg.data.Batch;
import org.tfseg.data.BatchIterator;
import org.tfseg.data.InputPipeline;
import org.tfseg.metric.StreamingMetric;
import org.tfseg.train.EpochAccumulator;

/**
 * One pass over a split, accumulating the loss and the streaming metrics as Keras' {@code evaluate}
 * does (batch-size-weighted loss, metrics from summed statistics). The trainer's validation and the
 * {@code eval} command both run through it; during training the callbacks' test hooks are called.
 */
public final class Evaluator {
  private final List<StreamingMetric> metrics;
  private final BatchEvaluation step;
  private final boolean reportsLoss;

  /**
   * @param reportsLoss whether {@code step} computes the loss (a SavedModel predictor does not)
   */
  public Evaluator(List<StreamingMetric> metrics, BatchEvaluation step, boolean reportsLoss) {
    this.metrics = metrics;
    this.step = step;
    this.reportsLoss = reportsLoss;
  }

  /** Without callbacks. */
  public Map<String, Double> run(InputPipeline data, Integer maxBatches, String prefix) {
    return run(data, maxBatches, prefix, new Callback() {}, null);
  }

  /**
   * Evaluates at most {@code maxBatches} batches (null: all) of {@code data}; keys get {@code
   * prefix} ({@code ""} or {@code "val_"}).
   */
  public Map<String, Double> run(
      InputPipeline data,
      Integer maxBatches,
      String prefix,
      Callback hooks,
      TrainingControl control) {
    EpochAccumulator acc = new EpochAccumulator(metrics);
    hooks.onTestBegin(control);
    try (BatchIterator it = data.epoch(0)) {
      for (int batch = 0; (maxBatches == null || batch < maxBatches) && it.hasNext(); batch++) {
        hooks.onTestBatchBegin(batch, control);
        try (Batch b = it.next()) {
          acc.add(step.evaluate(b));
        }
        hooks.onTestBatchEnd(batch, acc.values(""), control);
      }
    }
    Map<String, Double> logs = new LinkedHashMap<>(acc.values(prefix));
    if (!reportsLoss) {
      logs.remove(prefix + "loss");
    }
    hooks.onTestEnd(logs, control);
    return logs;
  }
}
