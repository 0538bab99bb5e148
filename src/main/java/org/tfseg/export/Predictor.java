package org.tfseg.export;

import org.tensorflow.types.TFloat32;

/** A model served for inference: a checkpoint's {@link InferenceGraph} or a SavedModel. */
public interface Predictor extends AutoCloseable {
  /** Probabilities for a batch of [0, 1] images, {@code [N, H, W, C]} flattened. */
  float[] predict(TFloat32 images);

  /**
   * The primary output for one encoded image at the image's own size: decoded, resized to the
   * model's input size, predicted, and resized back bilinearly (the {@code image_bytes} signature).
   */
  Mask predictEncoded(byte[] encoded);

  @Override
  void close();
}
