package org.tfseg.optim;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import org.tensorflow.op.Ops;

/**
 * The optimizer, with Keras defaults; one-of on {@code "type"}. To add one: a record implementing
 * this interface (named by {@code @JsonTypeName}) and one entry in {@code permits}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
public sealed interface OptimizerConfig permits AdamConfig, RmsPropConfig, SgdConfig {
  /** The initial learning rate (> 0). */
  Double learningRate();

  /** The optimizer's variables and update ops in the graph of {@code tf}. */
  Optimizer build(Ops tf);
}
