package org.tfseg.optim;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.tensorflow.op.Ops;
import org.tfseg.config.Check;

/**
 * Stochastic gradient descent ({@code "type": "sgd"}), Keras defaults.
 *
 * @param learningRate step size (default 0.01, > 0)
 * @param momentum momentum (default 0.0, in [0, 1))
 * @param nesterov use Nesterov momentum (default false)
 */
@JsonTypeName("sgd")
public record SgdConfig(Double learningRate, Double momentum, Boolean nesterov)
    implements OptimizerConfig {
  public SgdConfig {
    learningRate = Check.orDefault(learningRate, 0.01);
    momentum = Check.orDefault(momentum, 0.0);
    nesterov = Check.orDefault(nesterov, false);
    Check.positive(learningRate, "learning_rate");
    Check.inRangeExclusiveMax(momentum, 0, 1, "momentum");
  }

  @Override
  public Optimizer build(Ops tf) {
    return new Sgd(tf, learningRate, momentum, nesterov);
  }
}
