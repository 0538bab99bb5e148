package org.tfseg.data.source;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import org.tfseg.data.SamplePair;

/**
 * Where a data split's image/mask pairs come from; one-of on {@code "layout"}. To add a layout: a
 * record implementing this interface (named by {@code @JsonTypeName}, listing its pairs) and one
 * entry in {@code permits}. Paths are relative to the working directory.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "layout")
public sealed interface SourceConfig
    permits DutsSourceConfig, FolderSourceConfig, OxfordPetSourceConfig, SyntheticSourceConfig {
  /**
   * The pairs, in the layout's order (generating them first for synthetic data).
   *
   * @throws org.tfseg.UserError naming the folder or file when the data is missing or malformed
   */
  List<SamplePair> list();

  /** The first {@code limit} of {@code pairs}, or all when {@code limit} is null. */
  static List<SamplePair> limited(List<SamplePair> pairs, Integer limit) {
    return limit == null || limit >= pairs.size() ? pairs : pairs.subList(0, limit);
  }
}
