package org.tfseg.export;

import org.tensorflow.types.TFloat32;

/** Probabilities for a batch of [0, 1] images, {@code [N, H, W, C]} flattened. */
public interface Predictor extends AutoCloseable {
  float[] predict(TFloat32 images);

  @Override
  void close();
}
