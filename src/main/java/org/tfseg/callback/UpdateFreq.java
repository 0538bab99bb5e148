package org.tfseg.callback;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import org.tfseg.config.InvalidConfigException;

/**
 * Keras' TensorBoard {@code update_freq}, written in JSON as {@code "epoch"} or a step count N:
 * whether the running training values are also written every N optimizer steps.
 *
 * @param steps N, or 0 for {@code "epoch"} (epoch values only)
 */
public record UpdateFreq(int steps) {
  public static final UpdateFreq EPOCH = new UpdateFreq(0);
  private static final String EPOCH_NAME = "epoch";

  /** Not a JSON creator: an integer goes through {@link #fromJson} and its check too. */
  @JsonCreator(mode = JsonCreator.Mode.DISABLED)
  public UpdateFreq {
    if (steps < 0) {
      throw new InvalidConfigException(null, "must be \"epoch\" or an integer >= 1, got " + steps);
    }
  }

  public boolean perEpochOnly() {
    return steps == 0;
  }

  /** Whether the step-level values are written after optimizer step {@code globalStep}. */
  public boolean writesAt(long globalStep) {
    return steps > 0 && globalStep % steps == 0;
  }

  @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
  static UpdateFreq fromJson(JsonNode node) {
    if (node.isTextual() && node.textValue().equals(EPOCH_NAME)) {
      return EPOCH;
    }
    if (node.isIntegralNumber() && node.canConvertToInt() && node.intValue() >= 1) {
      return new UpdateFreq(node.intValue());
    }
    throw new InvalidConfigException(null, "must be \"epoch\" or an integer >= 1, got " + node);
  }

  @JsonValue
  Object toJson() {
    return perEpochOnly() ? EPOCH_NAME : steps;
  }

  @Override
  public String toString() {
    return String.valueOf(toJson());
  }
}
