package org.tfseg.model.encoder;

import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;

/** One encoder output: its {@link FeatureSpec} and the NHWC tensor. */
public record Feature(FeatureSpec spec, Operand<TFloat32> tensor) {
  public String name() {
    return spec.name();
  }

  public int channels() {
    return spec.channels();
  }

  public int stride() {
    return spec.stride();
  }
}
