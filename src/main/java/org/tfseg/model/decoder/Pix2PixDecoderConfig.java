package org.tfseg.model.decoder;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import org.tfseg.config.Check;

/**
 * Seed 003's decoder, pix2pix's {@code upsample(filters, 3)} blocks (the TensorFlow segmentation
 * tutorial): the transpose decoder with a 3×3 kernel.
 *
 * @param dropout Dropout(0.5) after each BatchNorm (pix2pix's {@code apply_dropout}, default false)
 * @param filters one per decoder stage, deepest first (4 entries, default [512, 256, 128, 64])
 */
@JsonTypeName("pix2pix")
public record Pix2PixDecoderConfig(Boolean dropout, List<Integer> filters)
    implements DecoderConfig {
  public Pix2PixDecoderConfig {
    dropout = Check.orDefault(dropout, false);
    filters = Check.orDefault(filters, TransposeDecoderConfig.SEED_FILTERS);
    Check.positiveList(filters, 4, "filters");
  }

  @Override
  public Decoder build() {
    return new TransposeDecoder(3, dropout, filters.stream().mapToInt(Integer::intValue).toArray());
  }
}
