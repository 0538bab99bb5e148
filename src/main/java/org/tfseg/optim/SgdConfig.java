package org.tfseg.optim;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.tensorflow.op.Ops;
import org.tfseg.config.Check;

/**
 * Stochastic gradient descent ({@code "type": "sgd"}), Keras defaults.
 *
 * @param learningRate step size (default 0.01, > 0)
 * @param schedule learning-rate schedule starting from {@code learning_rate} (optional)
 * @param momentum momentum (default 0.0, in [0, 1))
 * @param nesterov use Nesterov momentum (default false)
 * @param weightDecay decoupled weight decay (optional, >= 0)
 * @param excludeFromWeightDecay weights without decay (optional)
 * @param clipnorm per-gradient norm clip (optional, > 0)
 * @param clipvalue element clip (optional, > 0)
 * @param globalClipnorm global norm clip (optional, > 0)
 */
@JsonTypeName("sgd")
public record SgdConfig(
    Double learningRate,
    ScheduleConfig schedule,
    Double momentum,
    Boolean nesterov,
    Double weightDecay,
    List<WeightGroup> excludeFromWeightDecay,
    Double clipnorm,
    Double clipvalue,
    Double globalClipnorm)
    implements OptimizerConfig {
  public SgdConfig {
    learningRate = Check.orDefault(learningRate, 0.01);
    momentum = Check.orDefault(momentum, 0.0);
    nesterov = Check.orDefault(nesterov, false);
    Check.positive(learningRate, "learning_rate");
    Check.inRangeExclusiveMax(momentum, 0, 1, "momentum");
    excludeFromWeightDecay =
        excludeFromWeightDecay == null ? null : List.copyOf(excludeFromWeightDecay);
    OptimizerOptions.of(
        schedule, weightDecay, excludeFromWeightDecay, clipnorm, clipvalue, globalClipnorm);
  }

  /** SGD without schedule, weight decay or clipping. */
  public SgdConfig(Double learningRate, Double momentum, Boolean nesterov) {
    this(learningRate, null, momentum, nesterov, null, null, null, null, null);
  }

  @Override
  public Optimizer build(Ops tf) {
    return new Sgd(
        tf,
        learningRate,
        momentum,
        nesterov,
        OptimizerOptions.of(
            schedule, weightDecay, excludeFromWeightDecay, clipnorm, clipvalue, globalClipnorm));
  }
}
