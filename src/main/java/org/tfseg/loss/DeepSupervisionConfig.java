package org.tfseg.loss;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.tfseg.config.Check;
import org.tfseg.config.InvalidConfigException;

/**
 * One loss applied to every output of a deep-supervision model, summed with optional per-output
 * weights ({@code "type": "deep_supervision"}); what Keras does for a multi-output model compiled
 * with one loss.
 *
 * @param loss the per-output loss (required; must not itself be a deep supervision)
 * @param weights one weight per model output, primary first (optional: all 1; each >= 0)
 */
@JsonTypeName("deep_supervision")
public record DeepSupervisionConfig(LossConfig loss, List<Double> weights) implements LossConfig {
  public DeepSupervisionConfig {
    Check.required(loss, "loss");
    if (weights != null) {
      weights = List.copyOf(weights);
      if (weights.isEmpty()) {
        throw new InvalidConfigException("weights", "must not be empty (omit it for all 1)");
      }
      for (int i = 0; i < weights.size(); i++) {
        Check.atLeast(weights.get(i), 0, "weights[" + i + "]");
      }
    }
  }

  @Override
  public Loss build() {
    Loss perOutput = loss.build();
    return weights == null
        ? new DeepSupervision(perOutput)
        : new DeepSupervision(
            perOutput, weights.stream().mapToDouble(Double::doubleValue).toArray());
  }

  @Override
  public boolean coversAllOutputs() {
    return true;
  }

  @Override
  public void checkClasses(int classes, String key) {
    loss.checkClasses(classes, key + ".loss");
  }

  @Override
  public void checkNested(int outputs, String key) {
    if (loss.coversAllOutputs()) {
      throw new InvalidConfigException(key + ".loss", "deep supervision cannot be nested");
    }
    if (weights != null && weights.size() != outputs) {
      throw new InvalidConfigException(
          key + ".weights",
          weights.size() + " weight(s) for a model with " + outputs + " output(s)");
    }
    loss.checkNested(outputs, key + ".loss");
  }
}
