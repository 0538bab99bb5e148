package org.tfseg.model.encoder;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The input scaling a backbone's pretrained weights expect, applied in the graph to images in [0,
 * 1] (the pipeline's range), named after Keras' {@code imagenet_utils.preprocess_input} modes.
 */
public enum Preprocessing {
  /** Keras {@code "tf"} mode (MobileNetV2): [0, 255] → [−1, 1], here x·2 − 1. */
  TF,
  /**
   * Keras {@code "caffe"} mode (ResNet50 v1): RGB → BGR, ×255, minus the ImageNet channel means in
   * BGR order, no scaling by the standard deviation.
   */
  CAFFE,
  /** Identity: the backbone takes [0, 1] inputs (keras_cv's ResNet with its rescaling layer). */
  NONE;

  /** ImageNet means, BGR order, on the [0, 255] scale (Keras {@code _preprocess_numpy_input}). */
  static final float[] CAFFE_BGR_MEAN = {103.939f, 116.779f, 123.68f};

  public Operand<TFloat32> apply(Ops tf, Operand<TFloat32> images01) {
    Ops t = tf.withSubScope("preprocess");
    return switch (this) {
      case TF -> t.math.sub(t.math.mul(images01, t.constant(2f)), t.constant(1f));
      case CAFFE -> {
        Operand<TFloat32> bgr = t.reverse(images01, t.constant(new int[] {-1}));
        yield t.math.sub(t.math.mul(bgr, t.constant(255f)), t.constant(CAFFE_BGR_MEAN));
      }
      case NONE -> images01;
    };
  }
}
