package org.tfseg.optim;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.tensorflow.op.Ops;
import org.tfseg.config.Check;

/**
 * Keras 3 {@code AdamW} ({@code "type": "adamw"}, Loshchilov & Hutter's decoupled weight decay):
 * before each Adam update {@code θ ← θ − lr·weight_decay·θ}, the gradient taken before the decay.
 *
 * @param learningRate step size (default 0.001, > 0)
 * @param schedule learning-rate schedule starting from {@code learning_rate} (optional)
 * @param weightDecay the decay (default 0.004, >= 0)
 * @param beta1 first-moment decay (default 0.9, in [0, 1))
 * @param beta2 second-moment decay (default 0.999, in [0, 1))
 * @param epsilon numerical-stability term (default 1e-7, > 0)
 * @param excludeFromWeightDecay weights without decay (optional)
 * @param clipnorm per-gradient norm clip (optional, > 0)
 * @param clipvalue element clip (optional, > 0)
 * @param globalClipnorm global norm clip (optional, > 0)
 */
@JsonPropertyOrder({
  "learning_rate",
  "schedule",
  "weight_decay",
  "beta_1",
  "beta_2",
  "epsilon",
  "exclude_from_weight_decay",
  "clipnorm",
  "clipvalue",
  "global_clipnorm"
})
@JsonTypeName("adamw")
public record AdamWConfig(
    Double learningRate,
    ScheduleConfig schedule,
    Double weightDecay,
    @JsonProperty("beta_1") Double beta1,
    @JsonProperty("beta_2") Double beta2,
    Double epsilon,
    List<WeightGroup> excludeFromWeightDecay,
    Double clipnorm,
    Double clipvalue,
    Double globalClipnorm)
    implements OptimizerConfig {
  public AdamWConfig {
    learningRate = Check.orDefault(learningRate, 0.001);
    weightDecay = Check.orDefault(weightDecay, 0.004);
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
