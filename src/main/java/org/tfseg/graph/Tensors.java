package org.tfseg.graph;

import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/** Copies between Java arrays and float tensors (the caller closes what it creates). */
public final class Tensors {
  private Tensors() {}

  public static float[] floats(TFloat32 t) {
    float[] data = new float[(int) t.shape().size()];
    t.asRawTensor().data().asFloats().read(data);
    return data;
  }

  public static TFloat32 of(Shape shape, float[] data) {
    return TFloat32.tensorOf(shape, DataBuffers.of(data, true, false));
  }
}
