package org.tfseg.metric;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Pixel accuracy over the epoch: the fraction of pixels whose predicted class is the true one
 * ({@link PixelClasses}). For a softmax model it is Keras' {@code accuracy} with a sparse loss
 * ({@code sparse_categorical_accuracy}: argmax equals the label), what the seeds report.
 */
public final class Accuracy implements StreamingMetric {
  private final double threshold;

  /**
   * @param threshold the foreground threshold, used by sigmoid (one-channel) models only
   */
  public Accuracy(double threshold) {
    this.threshold = threshold;
  }

  @Override
  public String name() {
    return "accuracy";
  }

  @Override
  public List<Operand<TFloat64>> statistics(Ops tf, Operand<TFloat32> p, Operand<TFloat32> y) {
    PixelClasses c = new PixelClasses(tf, p, y, threshold);
    return List.of(c.correct(), c.pixels());
  }

  @Override
  public double result(double[] t) {
    return t[1] == 0 ? 0 : t[0] / t[1];
  }
}
