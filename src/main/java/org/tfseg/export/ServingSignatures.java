package org.tfseg.export;

/** Names of the exported SavedModel's signatures and their tensors (the serving contract). */
public final class ServingSignatures {
  private ServingSignatures() {}

  /** Every signature's method name: TF Serving's Predict API checks it. */
  public static final String PREDICT_METHOD = "tensorflow/serving/predict";

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

  /**
   * {@code image_bytes}: a batch of encoded images (string {@code [N]}, what TF Serving's REST
   * {@code {"b64": …}} instances become) → {@code mask} float32 {@code [N, hmax, wmax, C]}, each
   * image's mask at its own size in the top-left corner, zero-padded to the largest in the batch,
   * and {@code size} int32 {@code [N, 2]}, each image's {@code [h, w]}: a client crops {@code
   * mask[i, :size[i][0], :size[i][1]]}.
   */
  public static final String IMAGE_BYTES_BATCH = "serving_image_bytes_batch";

  public static final String SIZE = "size";

  /** Graph op names of the batch signature's tensors (its keys are image_bytes, mask, size). */
  static final String BATCH_BYTES_INPUT = "image_bytes_batch";

  static final String BATCH_MASK = "mask_batch";
  static final String BATCH_SIZE = "size_batch";
}
