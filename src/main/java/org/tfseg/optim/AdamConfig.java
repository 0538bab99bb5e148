package org.tfseg.optim;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonTypeName;
import org.tensorflow.op.Ops;
import org.tfseg.config.Check;

/**
 * Adam ({@code "type": "adam"}), Keras defaults.
 *
 * @param learningRate step size (default 0.001, > 0)
 * @param beta1 first-moment decay (default 0.9, in [0, 1))
 * @param beta2 second-moment decay (default 0.999, in [0, 1))
 * @param epsilon numerical-stability term (default 1e-7, > 0)
 */
@JsonPropertyOrder({"learning_rate", "beta_1", "beta_2", "epsilon"})
@JsonTypeName("adam")
public record AdamConfig(
    Double learningRate,
    @JsonProperty("beta_1") Double beta1,
    @JsonProperty("beta_2") Double beta2,
    Double epsilon)
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
  }

  @Override
  public Optimizer build(Ops tf) {
    return new Adam(tf, learningRate, beta1, beta2, epsilon);
  }
}
