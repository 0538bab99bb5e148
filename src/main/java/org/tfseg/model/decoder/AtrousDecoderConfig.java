package org.tfseg.model.decoder;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.tfseg.config.Check;

/**
 * Seed 001's decoder: a bridge conv, then per skip bilinear 2× upsampling, concat and an atrous
 * block of parallel dilated branches merged by a 1×1 conv; a 1×1 head.
 *
 * @param bridgeFilters filters of the bridge conv on the deepest feature (default 1024)
 * @param stageFilters output channels of the 4 stages, deepest first (default [1024, 512, 256, 64])
 * @param rates dilation rate of each branch (default [1, 6, 12, 18])
 * @param kernelSizes kernel size of each branch, paired with {@code rates} (default [1, 3, 3, 3])
 */
@JsonTypeName("atrous")
public record AtrousDecoderConfig(
    Integer bridgeFilters,
    List<Integer> stageFilters,
    List<Integer> rates,
    List<Integer> kernelSizes)
    implements DecoderConfig {
  public AtrousDecoderConfig {
    bridgeFilters = Check.orDefault(bridgeFilters, 1024);
    stageFilters = Check.orDefault(stageFilters, List.of(1024, 512, 256, 64));
    rates = Check.orDefault(rates, List.of(1, 6, 12, 18));
    kernelSizes = Check.orDefault(kernelSizes, List.of(1, 3, 3, 3));
    Check.atLeast(bridgeFilters, 1, "bridge_filters");
    Check.positiveList(stageFilters, 4, "stage_filters");
    Check.positiveList(rates, 0, "rates");
    Check.positiveList(kernelSizes, rates.size(), "kernel_sizes");
  }

  @Override
  public Decoder build() {
    return new AtrousDecoder(bridgeFilters, ints(stageFilters), ints(rates), ints(kernelSizes));
  }

  private static int[] ints(List<Integer> values) {
    return values.stream().mapToInt(Integer::intValue).toArray();
  }
}
