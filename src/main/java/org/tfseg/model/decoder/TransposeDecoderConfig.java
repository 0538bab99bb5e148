package org.tfseg.model.decoder;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.tfseg.config.Check;

/**
 * Seed 002's decoder: Conv2DTranspose(k×k, stride 2, no bias) + BN + optional Dropout(0.5) + ReLU
 * per skip, then a 3×3 stride-2 Conv2DTranspose head.
 *
 * @param kernelSize transposed-conv kernel (1..7, default 4)
 * @param dropout Dropout(0.5) after each BatchNorm (default false)
 * @param filters one per decoder stage, deepest first (4 entries, default [512, 256, 128, 64])
 */
@JsonTypeName("transpose")
public record TransposeDecoderConfig(Integer kernelSize, Boolean dropout, List<Integer> filters)
    implements DecoderConfig {
  static final List<Integer> SEED_FILTERS = List.of(512, 256, 128, 64);

  public TransposeDecoderConfig {
    kernelSize = Check.orDefault(kernelSize, 4);
    dropout = Check.orDefault(dropout, false);
    filters = Check.orDefault(filters, SEED_FILTERS);
    Check.inRange(kernelSize, 1, 7, "kernel_size");
    Check.positiveList(filters, 4, "filters");
  }

  @Override
  public Decoder build() {
    return new TransposeDecoder(
        kernelSize, dropout, filters.stream().mapToInt(Integer::intValue).toArray());
  }
}
