package org.tfseg.optim;

import java.util.List;
import java.util.Set;
import org.tfseg.config.Check;
import org.tfseg.config.InvalidConfigException;

/**
 * What every optimizer takes besides its own hyperparameters, as Keras 3's base optimizer: a
 * learning-rate schedule, decoupled weight decay and gradient clipping.
 *
 * @param schedule the learning rate as a function of the step, or null for the settable variable
 * @param weightDecay Keras {@code weight_decay}: before each update {@code θ ← θ − lr·wd·θ}; 0 for
 *     none
 * @param excludeFromWeightDecay weights left out of the decay
 * @param clipping gradient clipping, or null for none
 */
public record OptimizerOptions(
    LearningRateSchedule schedule,
    double weightDecay,
    Set<WeightGroup> excludeFromWeightDecay,
    GradientClipping clipping) {
  /** Keras' defaults: a constant learning rate, no weight decay, no clipping. */
  public static final OptimizerOptions NONE = new OptimizerOptions(null, 0, Set.of(), null);

  public OptimizerOptions {
    excludeFromWeightDecay = Set.copyOf(excludeFromWeightDecay);
  }

  /**
   * Checks the shared keys of an optimizer config (JSON keys in the messages) and returns the
   * options they describe.
   */
  public static OptimizerOptions of(
      ScheduleConfig schedule,
      Double weightDecay,
      List<WeightGroup> excludeFromWeightDecay,
      Double clipnorm,
      Double clipvalue,
      Double globalClipnorm) {
    Check.atLeast(weightDecay, 0, "weight_decay");
    if (excludeFromWeightDecay != null) {
      if (weightDecay == null) {
        throw new InvalidConfigException(
            "exclude_from_weight_decay", "has no effect without weight_decay");
      }
      for (int i = 0; i < excludeFromWeightDecay.size(); i++) {
        if (excludeFromWeightDecay.indexOf(excludeFromWeightDecay.get(i)) < i) {
          throw new InvalidConfigException("exclude_from_weight_decay[" + i + "]", "listed twice");
        }
      }
    }
    Check.positive(clipnorm, "clipnorm");
    Check.positive(clipvalue, "clipvalue");
    Check.positive(globalClipnorm, "global_clipnorm");
    GradientClipping clipping = null;
    String[] keys = {"clipnorm", "global_clipnorm", "clipvalue"};
    Double[] values = {clipnorm, globalClipnorm, clipvalue};
    for (int i = 0; i < keys.length; i++) {
      if (values[i] == null) {
        continue;
      }
      if (clipping != null) {
        throw new InvalidConfigException(
            keys[i],
            "cannot be combined with "
                + keys[clipping.kind().ordinal()]
                + " (Keras 3 applies only one of clipnorm, global_clipnorm, clipvalue)");
      }
      clipping = new GradientClipping(GradientClipping.Kind.values()[i], values[i]);
    }
    return new OptimizerOptions(
        schedule == null ? null : schedule.build(),
        weightDecay == null ? 0 : weightDecay,
        excludeFromWeightDecay == null ? Set.of() : Set.copyOf(excludeFromWeightDecay),
        clipping);
  }
}
