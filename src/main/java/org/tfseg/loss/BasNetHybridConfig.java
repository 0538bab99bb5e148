package org.tfseg.loss;

import org.tfseg.config.Check;
/**
 * BASNet's hybrid loss, BCE + (1 − SSIM) + (1 − IoU) on every output, summed ({@code "type":
 * "basnet_hybrid"}); shorthand for a {@code deep_supervision} of a {@code weighted_sum}.
 *
 * @param ssimPadding SSIM border handling (default valid, as the Keras example)
 */
public record BasNetHybridConfig(SsimPadding ssimPadding) implements LossConfig {
  public BasNetHybridConfig {
    ssimPadding = Check.orDefault(ssimPadding, SsimPadding.VALID);
  }
}
