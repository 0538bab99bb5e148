package org.tfseg.loss;

import org.tfseg.config.InvalidConfigException;
import org.tfseg.model.ModelConfig;
/**
 * Checks a loss against the model's number of outputs: a multi-output model needs a loss that
 * reaches every output (else its side heads get no gradient), deep-supervision weights must match
 * the outputs, and deep supervision does not nest.
 */
public final class LossOutputs {
  private LossOutputs() {}

  /** {@code key} is the loss's JSON key relative to the experiment ({@code "loss"}). */
  public static void check(LossConfig loss, ModelConfig model, String key) {
    int outputs = model.outputs();
    if (outputs > 1 && !coversAllOutputs(loss)) {
      throw new InvalidConfigException(key, "the model has " + outputs
          + " outputs; use deep_supervision or basnet_hybrid so that every output is trained");
    }
    checkNested(loss, outputs, key);
  }

  /** Whether the loss is applied to every output rather than the primary one only. */
  public static boolean coversAllOutputs(LossConfig loss) {
    if (loss instanceof DeepSupervisionConfig || loss instanceof BasNetHybridConfig) {
      return true;
    }
    if (loss instanceof WeightedSumConfig w) {
      return w.terms().stream().anyMatch(t -> coversAllOutputs(t.loss()));
    }
    return false;
  }

  private static void checkNested(LossConfig loss, int outputs, String key) {
    if (loss instanceof DeepSupervisionConfig d) {
      if (coversAllOutputs(d.loss())) {
        throw new InvalidConfigException(key + ".loss", "deep supervision cannot be nested");
      }
      if (d.weights() != null && d.weights().size() != outputs) {
        throw new InvalidConfigException(key + ".weights",
            d.weights().size() + " weight(s) for a model with " + outputs + " output(s)");
      }
      checkNested(d.loss(), outputs, key + ".loss");
    } else if (loss instanceof WeightedSumConfig w) {
      for (int i = 0; i < w.terms().size(); i++) {
        checkNested(w.terms().get(i).loss(), outputs, key + ".terms[" + i + "].loss");
      }
    }
  }
}
