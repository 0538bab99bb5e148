package org.tfseg.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Synchronous data-parallel training ({@code training.distribution}): {@code replicas} copies of
 * the training tower in this process, each on its own slice of the batch, with their gradients
 * averaged in the graph before one optimizer step. Across processes (workers of the cluster the
 * {@code TF_CONFIG} environment variable describes) the gradients are all-reduced with TF's
 * collective ops. {@code training.batch_size} stays the global batch: it is split over all replicas
 * of all workers, so the same experiment trains the same model on any cluster.
 *
 * @param replicas training replicas in this process (>= 1, default 1)
 * @param devices one TF device per replica, {@code /cpu:K} or {@code /gpu:K} (optional; default:
 *     TF's default device for every replica)
 * @param syncBatchNorm whether BatchNorm normalises with the statistics of the whole global batch
 *     (all replicas, all workers) instead of each replica's own (default false)
 * @param timeoutSeconds how long a worker waits for the others, at startup and within a step,
 *     before it stops naming the worker that did not answer (> 0, default 300)
 */
public record DistributionConfig(
    Integer replicas, List<String> devices, Boolean syncBatchNorm, Double timeoutSeconds) {
  private static final Pattern DEVICE =
      Pattern.compile("/(?:device:)?(cpu|gpu):(\\d{1,3})", Pattern.CASE_INSENSITIVE);

  public DistributionConfig {
    replicas = Check.orDefault(replicas, 1);
    Check.atLeast(replicas, 1, "replicas");
    syncBatchNorm = Check.orDefault(syncBatchNorm, false);
    timeoutSeconds = Check.orDefault(timeoutSeconds, 300.0);
    Check.positive(timeoutSeconds, "timeout_seconds");
    if (devices != null) {
      if (devices.size() != replicas) {
        throw new InvalidConfigException(
            "devices", "expected one device per replica (" + replicas + "), got " + devices.size());
      }
      List<String> normal = new ArrayList<>();
      for (int i = 0; i < devices.size(); i++) {
        Matcher m = devices.get(i) == null ? null : DEVICE.matcher(devices.get(i));
        if (m == null || !m.matches()) {
          throw new InvalidConfigException(
              "devices[" + i + "]",
              "expected a device such as /gpu:0 or /cpu:0, got '" + devices.get(i) + "'");
        }
        normal.add("/" + m.group(1).toLowerCase(Locale.ROOT) + ":" + Integer.parseInt(m.group(2)));
      }
      devices = List.copyOf(normal);
    }
  }

  /** One replica on the default device: the single-device training graph. */
  public static DistributionConfig defaults() {
    return new DistributionConfig(null, null, null, null);
  }
}
