package org.tfseg.optim;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.tensorflow.op.Ops;

/**
 * The optimizer, with Keras defaults; one-of on {@code "type"}. Every kind also takes Keras 3's
 * base-optimizer keys: a learning-rate {@code schedule}, {@code weight_decay} (with {@code
 * exclude_from_weight_decay}) and one of {@code clipnorm}, {@code clipvalue}, {@code
 * global_clipnorm} (see {@link OptimizerOptions#of}). To add one: a record implementing this
 * interface (named by {@code @JsonTypeName}) and one entry in {@code permits}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public sealed interface OptimizerConfig permits AdamConfig, AdamWConfig, RmsPropConfig, SgdConfig {
  /** The initial learning rate (> 0); with a schedule, the rate it starts from. */
  Double learningRate();

  /** The learning-rate schedule, or null for a constant (settable) rate. */
  ScheduleConfig schedule();

  /** The optimizer's variables and update ops in the graph of {@code tf}. */
  Optimizer build(Ops tf);
}
