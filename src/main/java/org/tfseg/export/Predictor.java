package org.tfseg.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.types.TFloat32;
import org.tfseg.UserError;

/** A model served for inference: a checkpoint's {@link InferenceGraph} or a SavedModel. */
public interface Predictor extends AutoCloseable {
  /** Probabilities for a batch of [0, 1] images, {@code [N, H, W, C]} flattened. */
  float[] predict(TFloat32 images);

  /**
   * The primary output for one encoded image at the image's own size: decoded, resized to the
   * model's input size, predicted, and resized back bilinearly (the {@code image_bytes} signature).
   */
  Mask predictEncoded(byte[] encoded);

  /**
   * {@link #predictEncoded} of an image file.
   *
   * @throws UserError naming the file if it cannot be read or decoded
   */
  default Mask predictFile(Path image) {
    byte[] encoded;
    try {
      encoded = Files.readAllBytes(image);
    } catch (IOException e) {
      throw new UserError(image + ": cannot read image: " + e.getMessage(), e);
    }
    try {
      return predictEncoded(encoded);
    } catch (TensorFlowException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      throw new UserError(
          image + ": cannot decode image: " + message.lines().findFirst().orElse("").trim());
    }
  }

  @Override
  void close();
}
