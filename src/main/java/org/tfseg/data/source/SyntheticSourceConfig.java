package org.tfseg.data.source;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.nio.file.Path;
import java.util.List;
import org.tfseg.config.Check;
import org.tfseg.config.ImageSize;
import org.tfseg.data.SamplePair;

/**
 * Generated image/mask pairs ({@code "layout": "synthetic"}), made deterministically from {@code
 * seed} and cached under {@code root}.
 *
 * @param root directory the generated pairs are cached in (required)
 * @param count number of image/mask pairs (required, >= 1)
 * @param seed generator seed (default 0)
 * @param size generated image size {@code [height, width]} (required, each 8..4096)
 */
@JsonTypeName("synthetic")
public record SyntheticSourceConfig(String root, Integer count, Long seed, ImageSize size)
    implements SourceConfig {
  public SyntheticSourceConfig {
    Check.required(root, "root");
    Check.notBlank(root, "root");
    Check.required(count, "count");
    Check.atLeast(count, 1, "count");
    seed = Check.orDefault(seed, 0L);
    Check.required(size, "size");
    size.checkRange(8, 4096, "size");
  }

  @Override
  public List<SamplePair> list() {
    return SyntheticSalientData.generate(Path.of(root), count, size.height(), size.width(), seed);
  }
}
