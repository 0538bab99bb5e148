package org.tfseg.data.source;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.nio.file.Path;
import java.util.List;
import org.tfseg.config.Check;
import org.tfseg.data.SamplePair;

/**
 * Two directories of images and masks paired by file stem ({@code "layout": "folder"}).
 *
 * @param images directory of input images (required)
 * @param masks directory of masks (required)
 * @param limit use at most this many samples (optional, >= 1)
 */
@JsonTypeName("folder")
public record FolderSourceConfig(String images, String masks, Integer limit)
    implements SourceConfig {
  public FolderSourceConfig {
    Check.required(images, "images");
    Check.notBlank(images, "images");
    Check.required(masks, "masks");
    Check.notBlank(masks, "masks");
    Check.atLeast(limit, 1, "limit");
  }

  @Override
  public List<SamplePair> list() {
    return SourceConfig.limited(FolderPairs.list(Path.of(images), Path.of(masks)), limit);
  }
}
