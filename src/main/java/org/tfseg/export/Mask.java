package org.tfseg.export;

import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Tensors;

/** A mask of {@code channels} probabilities per pixel, row-major, at an image's own size. */
public record Mask(int height, int width, int channels, float[] values) {
  /** From an {@code [h, w, C]} tensor. */
  public static Mask of(TFloat32 hwc) {
    long[] shape = hwc.shape().asArray();
    return new Mask((int) shape[0], (int) shape[1], (int) shape[2], Tensors.floats(hwc));
  }
}
