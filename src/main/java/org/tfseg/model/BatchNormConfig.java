package org.tfseg.model;

import org.tfseg.config.Check;

/**
 * BatchNorm settings of a model ({@code model.batch_norm}). The moving statistics the inference
 * tower (validation, eval, export) uses follow {@code moving ← momentum·moving + (1 −
 * momentum)·batch}: with Keras' 0.99 they need a few hundred steps to forget their initial values,
 * so short runs validate better with a lower momentum.
 *
 * @param momentum of every BatchNorm (optional, in [0, 1); default: each layer's Keras default,
 *     0.99, and 0.999 in the MobileNetV2 encoder as in Keras applications)
 * @param epsilon of the BatchNorm layers the architecture builds itself (optional, > 0; default
 *     Keras' 1e-3); pretrained encoders keep the epsilon their weights were trained with
 */
public record BatchNormConfig(Double momentum, Double epsilon) {
  public BatchNormConfig {
    Check.inRangeExclusiveMax(momentum, 0, 1, "momentum");
    Check.positive(epsilon, "epsilon");
  }

  /** Every layer's default. */
  public static BatchNormConfig defaults() {
    return new BatchNormConfig(null, null);
  }

  /** The effective momentum of the architecture's own (non-encoder) layers. */
  public double effectiveMomentum() {
    return momentum == null ? org.tfseg.graph.Layers.BN_MOMENTUM : momentum;
  }
}
