package org.tfseg.config;

/**
 * Two directories of images and masks paired by file stem ({@code "layout": "folder"}).
 *
 * @param images directory of input images (required)
 * @param masks directory of masks (required)
 * @param limit use at most this many samples (optional, >= 1)
 */
public record FolderSource(String images, String masks, Integer limit) implements Source {
  public FolderSource {
    Check.required(images, "images");
    Check.notBlank(images, "images");
    Check.required(masks, "masks");
    Check.notBlank(masks, "masks");
    Check.atLeast(limit, 1, "limit");
  }
}
