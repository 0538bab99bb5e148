package org.tfseg.data.source;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.nio.file.Path;
import java.util.List;
import org.tfseg.config.Check;
import org.tfseg.data.SamplePair;

/**
 * A DUTS-style dataset ({@code "layout": "duts"}): {@code <root>/<subset>/<subset>-Image/*.jpg}
 * with masks in {@code <root>/<subset>/<subset>-Mask/*.png}.
 *
 * @param root dataset root directory (required)
 * @param subset subset directory name (default {@code "DUTS-TR"})
 * @param limit use at most this many samples (optional, >= 1)
 */
@JsonTypeName("duts")
public record DutsSourceConfig(String root, String subset, Integer limit) implements SourceConfig {
  public DutsSourceConfig {
    Check.required(root, "root");
    Check.notBlank(root, "root");
    subset = Check.orDefault(subset, "DUTS-TR");
    Check.notBlank(subset, "subset");
    Check.atLeast(limit, 1, "limit");
  }

  @Override
  public List<SamplePair> list() {
    return SourceConfig.limited(DutsLayout.list(Path.of(root), subset), limit);
  }
}
