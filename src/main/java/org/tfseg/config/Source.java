package org.tfseg.config;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Where a data split's image/mask pairs come from; one-of on {@code "layout"}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "layout")
@JsonSubTypes({
  @JsonSubTypes.Type(value = DutsSource.class, name = "duts"),
  @JsonSubTypes.Type(value = FolderSource.class, name = "folder"),
  @JsonSubTypes.Type(value = OxfordPetSource.class, name = "oxford_pet"),
  @JsonSubTypes.Type(value = SyntheticSource.class, name = "synthetic"),
})
public sealed interface Source permits DutsSource, FolderSource, OxfordPetSource, SyntheticSource {}
