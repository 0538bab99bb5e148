package org.tfseg.model.encoder;

import org.tfseg.config.Check;
import org.tfseg.config.InvalidConfigException;
import org.tfseg.weights.MatchMode;

/**
 * A pretrained backbone ({@code model.encoder} of an {@code encoder_unet}).
 *
 * @param name a registered encoder: {@code mobilenet_v2}, {@code resnet50}, {@code resnet34}
 * @param weights a Keras {@code .h5} weights file (e.g. the ImageNet no-top file from {@code
 *     tools/fetch_weights.sh}); absent or {@code null} trains the encoder from scratch
 * @param trainable false freezes the encoder: no gradients, BatchNorm in inference mode (default
 *     true)
 * @param match how the file's layers are paired with the encoder's: {@code name} (default; a layer
 *     the file lacks is an error naming it), {@code position} (the order of weighted layers, as
 *     Keras' {@code load_weights} does: what the official ImageNet files need) or {@code auto} (by
 *     name, the rest by position, listing them)
 */
public record EncoderConfig(String name, String weights, Boolean trainable, MatchMode match) {
  public EncoderConfig {
    Check.required(name, "name");
    if (!EncoderRegistry.names().contains(name)) {
      throw new InvalidConfigException(
          "name",
          "unknown encoder '"
              + name
              + "' (valid: "
              + String.join(", ", EncoderRegistry.names())
              + ")");
    }
    if (weights != null) {
      Check.notBlank(weights, "weights");
    }
    trainable = Check.orDefault(trainable, true);
    match = Check.orDefault(match, MatchMode.NAME);
  }
}
