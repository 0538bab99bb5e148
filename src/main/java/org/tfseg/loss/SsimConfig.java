package org.tfseg.loss;

import org.tfseg.config.Check;
/**
 * {@code 1 − SSIM} of the sigmoid output and the mask ({@code "type": "ssim"}).
 *
 * @param padding {@code valid} ({@code tf.image.ssim}, the Keras BASNet) or {@code same} (zero
 *     padding, the original BASNet) (default valid)
 */
public record SsimConfig(SsimPadding padding) implements LossConfig {
  public SsimConfig {
    padding = Check.orDefault(padding, SsimPadding.VALID);
  }
}
