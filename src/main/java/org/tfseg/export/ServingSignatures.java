package org.tfseg.export;

/** Names of the exported SavedModel's signatures and their tensors (the serving contract). */
public final class ServingSignatures {
  private ServingSignatures() {}

  /**
   * {@code images}: float32 {@code [N, H, W, 3]} in [0, 1] → {@code probabilities} {@code [N, H, W,
   * C]}.
   */
  public static final String DEFAULT = "serving_default";

  public static final String IMAGES = "images";
  public static final String PROBABILITIES = "probabilities";

  /**
   * {@code image_bytes}: one encoded JPEG/PNG/BMP/GIF (string scalar) → {@code mask} float32 {@code
   * [h, w, C]} at the image's own size (bilinear resize back, as BASNet/U²-Net do).
   */
  public static final String IMAGE_BYTES = "serving_image_bytes";

  public static final String BYTES_INPUT = "image_bytes";
  public static final String MASK = "mask";
}
