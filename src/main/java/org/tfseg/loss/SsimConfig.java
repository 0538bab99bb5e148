package org.tfseg.loss;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.tfseg.config.Check;

/**
 * {@code 1 − SSIM} of the sigmoid output and the mask ({@code "type": "ssim"}).
 *
 * @param padding {@code valid} ({@code tf.image.ssim}, the Keras BASNet) or {@code same} (zero
 *     padding, the original BASNet) (default valid)
 */
@JsonTypeName("ssim")
public record SsimConfig(Ssim.Padding padding) implements LossConfig {
  public SsimConfig {
    padding = Check.orDefault(padding, Ssim.Padding.VALID);
  }

  @Override
  public Loss build() {
    return new Ssim(padding);
  }
}
