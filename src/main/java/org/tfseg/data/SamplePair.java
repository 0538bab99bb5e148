package org.tfseg.data;

import java.nio.file.Path;

/**
 * One training sample: an image file and its target file, matched by the base name {@code id}.
 *
 * @param labels how the target's values map to class indices ({@code labels} targets), or null for
 *     a grey {@code mask} target scaled to [0, 1]
 */
public record SamplePair(String id, Path image, Path mask, LabelMap labels) {
  /** A sample whose target is a grey mask. */
  public SamplePair(String id, Path image, Path mask) {
    this(id, image, mask, null);
  }
}
