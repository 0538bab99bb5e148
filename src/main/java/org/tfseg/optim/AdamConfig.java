package org.tfseg.optim;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.tensorflow.op.Ops;
import org.tfseg.config.Check;

/**
 * Adam ({@code "type": "adam"}), Keras defaults. With {@code weight_decay} it is Keras 3's Adam
 * with weight decay, the same as {@code adamw}.
 *
 * @param learningRate step size (default 0.001, > 0)
 * @param schedule learning-rate schedule starting from {@code learning_rate} (optional)
 * @param beta1 first-moment decay (default 0.9, in [0, 1))
 * @param beta2 second-moment decay (default 0.999, in [0, 1))
 * @param epsilon numerical-stability term (default 1e-7, > 0)
 * @param weightDecay decoupled weight decay (optional, >= 0)
 * @param excludeFromWeightDecay weights without decay (optional)
 * @param clipnorm per-gradient norm clip (optional, > 0)
 * @param clipvalue element clip (optional, > 0)
 * @param globalClipnorm global norm clip (optional, > 0)
 */
@JsonPropertyOrder({
  "learning_rate",
  "schedule",
  "beta_1",
  "beta_2",
  "epsilon",
  "weight_decay",
  "exclude_from_weight_decay",
  "clipnorm",
  "clipvalue",
  "global_clipnorm"
})
@JsonTypeName("adam")
public record AdamConfig(
    Double learningRate,
    ScheduleConfig schedule,
    @JsonProperty("beta_1") Double beta1,
    @JsonProperty("beta_2") Double beta2,
    Double epsilon,
    Double weightDecay,
    List<WeightGroup> excludeFromWeightDecay,
    Double clipnorm,
    Double clipvalue,
    Double globalClipnorm)
    implements OptimizerConfig {
  public AdamConfig {
    learningRate = Check.orDefault(learningRate, 0.001);
    beta1 = Check.orDefault(beta1, 0.9);
    beta2 = Check.orDefault(beta2, 0.999);
    epsilon = Check.orDefault(epsilon, 1e-7);
    Check.positive(learningRate, "learning_rate");
    Check.inRangeExclusiveMax(beta1, 0, 1, "beta_1");
    Check.inRangeExclusiveMax(beta2, 0, 1, "beta_2");
    Check.positive(epsilon, "epsilon");
    excludeFromWeightDecay =
        excludeFromWeightDecay == null ? null : List.copyOf(excludeFromWeightDecay);
    OptimizerOptions.of(
        schedule, weightDecay, excludeFromWeightDecay, clipnorm, clipvalue, globalClipnorm);
  }

  /** Adam without schedule, weight decay or clipping. */
  public AdamConfig(Double learningRate, Double beta1, Double beta2, Double epsilon) {
    this(learningRate, null, beta1, beta2, epsilon, null, null, null, null, null);
  }

  @Override
  public Optimizer build(Ops tf) {
    return new Adam(
        tf,
        learningRate,
        beta1,
        beta2,
        epsilon,
        OptimizerOptions.of(
            schedule, weightDecay, excludeFromWeightDecay, clipnorm, clipvalue, globalClipnorm));
  }
}
