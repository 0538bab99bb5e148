package org.tfseg.config;

import java.util.List;
import org.tfseg.callback.CallbackConfig;
import org.tfseg.callback.MonitoredConfig;
import org.tfseg.graph.Precision;
import org.tfseg.metric.Metric;
import org.tfseg.metric.Metrics;
import org.tfseg.optim.RegularizationConfig;

/**
 * The training loop.
 *
 * @param batchSize samples per step (required, >= 1)
 * @param epochs passes over the training set (required, >= 1)
 * @param stepsPerEpoch caps the steps of each epoch (optional, >= 1; default: the whole set)
 * @param validationSteps caps the validation batches per epoch (optional, >= 1; default: all)
 * @param metrics metrics logged each epoch besides the loss (default none)
 * @param threshold probability above which a pixel counts as foreground (default 0.5, in (0, 1))
 * @param maxSteps stop after this many optimizer steps in total, possibly inside an epoch
 *     (optional, >= 1); the last epoch is then shorter but still validated and logged
 * @param callbacks callbacks, run in list order (default none); each must monitor {@code loss},
 *     {@code val_loss} or one of {@code metrics}, plain or {@code val_}-prefixed
 * @param checkpoints when periodic checkpoints are written and how many are kept (default: at each
 *     epoch end, keep 3)
 * @param lossUpperBound a training step's loss or an epoch's {@code val_loss} above this means the
 *     run diverged (TF Model Garden's {@code loss_upper_bound}; default 1e6, > 0)
 * @param lossGrowthFactor a training step's loss above this many times the run's first step loss
 *     (the untrained model's) means the run diverged (default 100, > 1)
 * @param regularization an L2 weight penalty added to the loss (optional; default none)
 * @param precision Keras mixed-precision policy (default {@code float32})
 * @param distribution replicas in this process and cluster timeouts (default: one replica)
 */
public record TrainingConfig(
    Integer batchSize,
    Integer epochs,
    Integer stepsPerEpoch,
    Integer validationSteps,
    List<Metric> metrics,
    Double threshold,
    List<CallbackConfig> callbacks,
    Long maxSteps,
    CheckpointConfig checkpoints,
    Double lossUpperBound,
    Double lossGrowthFactor,
    RegularizationConfig regularization,
    Precision precision,
    DistributionConfig distribution,
    Boolean gradientCheckpointing) {
  public TrainingConfig {
    Check.required(batchSize, "batch_size");
    Check.atLeast(batchSize, 1, "batch_size");
    Check.required(epochs, "epochs");
    Check.atLeast(epochs, 1, "epochs");
    Check.atLeast(stepsPerEpoch, 1, "steps_per_epoch");
    Check.atLeast(validationSteps, 1, "validation_steps");
    metrics = Check.listOrEmpty(metrics);
    threshold = Check.orDefault(threshold, 0.5);
    callbacks = Check.listOrEmpty(callbacks);
    checkpoints = Check.orDefault(checkpoints, CheckpointConfig.defaults());
    distribution = Check.orDefault(distribution, DistributionConfig.defaults());
    Metrics.checkNoDuplicates(metrics, "metrics");
    Check.atLeast(maxSteps, 1, "max_steps");
    lossUpperBound = Check.orDefault(lossUpperBound, 1e6);
    lossGrowthFactor = Check.orDefault(lossGrowthFactor, 100.0);
    precision = Check.orDefault(precision, Precision.FLOAT32);
    gradientCheckpointing = Check.orDefault(gradientCheckpointing, false);
    Check.positive(lossUpperBound, "loss_upper_bound");
    if (!(lossGrowthFactor > 1)) {
      throw new InvalidConfigException(
          "loss_growth_factor", "must be > 1, got " + Check.fmt(lossGrowthFactor));
    }
    int sod = metrics.indexOf(Metric.SOD);
    if (sod >= 0) {
      throw new InvalidConfigException(
          "metrics[" + sod + "]", "'sod' is an evaluation metric only");
    }
    Check.inOpenRange(threshold, 0, 1, "threshold");
    List<String> monitorable = Metrics.monitorable(metrics);
    for (int i = 0; i < callbacks.size(); i++) {
      if (!(callbacks.get(i) instanceof MonitoredConfig monitored)) {
        continue;
      }
      String monitor = monitored.monitor();
      if (!monitorable.contains(monitor)) {
        throw new InvalidConfigException(
            "callbacks[" + i + "].monitor",
            "cannot monitor '"
                + monitor
                + "' (valid: "
                + String.join(", ", monitorable)
                + "; add a metric to training.metrics to monitor it)");
      }
    }
  }
}
