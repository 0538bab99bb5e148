package org.tfseg.loss;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.tfseg.config.Check;

/**
 * BASNet's hybrid loss, BCE + (1 − SSIM) + (1 − IoU) on every output, summed ({@code "type":
 * "basnet_hybrid"}); shorthand for a {@code deep_supervision} of a {@code weighted_sum}.
 *
 * @param ssimPadding SSIM border handling (default valid, as the Keras example)
 */
@JsonTypeName("basnet_hybrid")
public record BasNetHybridConfig(Ssim.Padding ssimPadding) implements LossConfig {
  public BasNetHybridConfig {
    ssimPadding = Check.orDefault(ssimPadding, Ssim.Padding.VALID);
  }

  @Override
  public Loss build() {
    return BasNetHybrid.basnet(ssimPadding);
  }

  @Override
  public boolean coversAllOutputs() {
    return true;
  }
}
