package org.tfseg.data.source;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Where a data split's image/mask pairs come from; one-of on {@code "layout"}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "layout")
@JsonSubTypes({
  @JsonSubTypes.Type(value = DutsSourceConfig.class, name = "duts"),
  @JsonSubTypes.Type(value = FolderSourceConfig.class, name = "folder"),
  @JsonSubTypes.Type(value = OxfordPetSourceConfig.class, name = "oxford_pet"),
  @JsonSubTypes.Type(value = SyntheticSourceConfig.class, name = "synthetic"),
})
public sealed interface SourceConfig permits DutsSourceConfig, FolderSourceConfig, OxfordPetSourceConfig, SyntheticSourceConfig {}
