package org.tfseg.data.source;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.nio.file.Path;
import java.util.List;
import org.tfseg.config.Check;
import org.tfseg.config.InvalidConfigException;
import org.tfseg.data.SamplePair;

/**
 * The official Oxford-IIIT Pet layout ({@code "layout": "oxford_pet"}): {@code <root>/images},
 * {@code <root>/annotations/trimaps} and the split lists in {@code <root>/annotations}. Targets are
 * class labels (0 pet, 1 border, 2 background), so the model needs 3 output classes.
 *
 * @param root dataset root directory (required)
 * @param split {@code "trainval"} or {@code "test"} (default {@code "trainval"})
 * @param limit use at most this many samples (optional, >= 1)
 */
@JsonTypeName("oxford_pet")
public record OxfordPetSourceConfig(String root, String split, Integer limit)
    implements SourceConfig {
  private static final List<String> SPLITS = List.of("trainval", "test");

  public OxfordPetSourceConfig {
    Check.required(root, "root");
    Check.notBlank(root, "root");
    split = Check.orDefault(split, "trainval");
    if (!SPLITS.contains(split)) {
      throw new InvalidConfigException(
          "split", "must be one of " + SPLITS + ", got \"" + split + "\"");
    }
    Check.atLeast(limit, 1, "limit");
  }

  @Override
  public List<SamplePair> list() {
    return SourceConfig.limited(OxfordPetLayout.list(Path.of(root), split), limit);
  }
}
