package org.tfseg.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tfseg.metric.StreamingMetric;

/**
 * Running epoch values as Keras reports them: the loss is the batch-size-weighted mean of the batch
 * losses; each metric sums its additive statistics over the batches seen so far.
 */
public final class EpochAccumulator {
  private final List<StreamingMetric> metrics;
  private final double[][] totals;
  private double lossSum;
  private long samples;

  public EpochAccumulator(List<StreamingMetric> metrics) {
    this.metrics = metrics;
    this.totals = new double[metrics.size()][];
  }

  public void add(StepResult step) {
    lossSum += step.loss() * step.batchSize();
    samples += step.batchSize();
    for (int i = 0; i < totals.length; i++) {
      double[] s = step.statistics()[i];
      if (totals[i] == null) {
        totals[i] = new double[s.length];
      }
      for (int j = 0; j < s.length; j++) {
        totals[i][j] += s[j];
      }
    }
  }

  public long samples() {
    return samples;
  }

  /** {@code loss} and each metric under its name, with {@code prefix} ("" or "val_"). */
  public Map<String, Double> values(String prefix) {
    Map<String, Double> out = new LinkedHashMap<>();
    out.put(prefix + "loss", samples == 0 ? Double.NaN : lossSum / samples);
    for (int i = 0; i < metrics.size(); i++) {
      out.put(
          prefix + metrics.get(i).name(),
          totals[i] == null ? Double.NaN : metrics.get(i).result(totals[i]));
    }
    return out;
  }

  /** The running sums, exactly (JSON doubles round-trip), for a checkpoint inside an epoch. */
  public ObjectNode state() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("loss_sum", lossSum);
    node.put("samples", samples);
    ArrayNode all = node.putArray("totals");
    for (double[] t : totals) {
      ArrayNode row = all.addArray();
      if (t != null) {
        for (double v : t) {
          row.add(v);
        }
      }
    }
    return node;
  }

  /** Continues the sums {@link #state()} saved. */
  public void restore(JsonNode node) {
    lossSum = node.get("loss_sum").asDouble();
    samples = node.get("samples").asLong();
    JsonNode all = node.get("totals");
    for (int i = 0; i < totals.length; i++) {
      JsonNode row = all.get(i);
      totals[i] = row.isEmpty() ? null : new double[row.size()];
      for (int j = 0; j < row.size(); j++) {
        totals[i][j] = row.get(j).asDouble();
      }
    }
  }
}
