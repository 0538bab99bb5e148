package org.tfseg.optim;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.tensorflow.op.Ops;
import org.tfseg.config.Check;

/**
 * RMSprop ({@code "type": "rmsprop"}), Keras defaults.
 *
 * @param learningRate step size (default 0.001, > 0)
 * @param schedule learning-rate schedule starting from {@code learning_rate} (optional)
 * @param rho decay of the squared-gradient average (default 0.9, in [0, 1))
 * @param momentum momentum (default 0.0, in [0, 1))
 * @param epsilon numerical-stability term (default 1e-7, > 0)
 * @param centered normalize by the gradient variance instead of the second moment (default false)
 * @param weightDecay decoupled weight decay (optional, >= 0)
 * @param excludeFromWeightDecay weights without decay (optional)
 * @param clipnorm per-gradient norm clip (optional, > 0)
 * @param clipvalue element clip (optional, > 0)
 * @param globalClipnorm global norm clip (optional, > 0)
 */
@JsonTypeName("rmsprop")
public record RmsPropConfig(
    Double learningRate,
    ScheduleConfig schedule,
    Double rho,
    Double momentum,
    Double epsilon,
    Boolean centered,
    Double weightDecay,
    List<WeightGroup> excludeFromWeightDecay,
    Double clipnorm,
    Double clipvalue,
    Double globalClipnorm)
    implements OptimizerConfig {
  public RmsPropConfig {
    learningRate = Check.orDefault(learningRate, 0.001);
    rho = Check.orDefault(rho, 0.9);
    momentum = Check.orDefault(momentum, 0.0);
    epsilon = Check.orDefault(epsilon, 1e-7);
    centered = Check.orDefault(centered, false);
    Check.positive(learningRate, "learning_rate");
    Check.inRangeExclusiveMax(rho, 0, 1, "rho");
    Check.inRangeExclusiveMax(momentum, 0, 1, "momentum");
    Check.positive(epsilon, "epsilon");
    excludeFromWeightDecay =
        excludeFromWeightDecay == null ? null : List.copyOf(excludeFromWeightDecay);
    OptimizerOptions.of(
        schedule, weightDecay, excludeFromWeightDecay, clipnorm, clipvalue, globalClipnorm);
  }

  /** RMSprop without schedule, weight decay or clipping. */
  public RmsPropConfig(
      Double learningRate, Double rho, Double momentum, Double epsilon, Boolean centered) {
    this(learningRate, null, rho, momentum, epsilon, centered, null, null, null, null, null);
  }

  @Override
  public Optimizer build(Ops tf) {
    return new RmsProp(
        tf,
        learningRate,
        rho,
        momentum,
        epsilon,
        centered,
        OptimizerOptions.of(
            schedule, weightDecay, excludeFromWeightDecay, clipnorm, clipvalue, globalClipnorm));
  }
}
