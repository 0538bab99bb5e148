package org.tfseg.metric;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Keras {@code MeanIoU(num_classes)} on the predicted classes ({@link PixelClasses}; 2 classes for
 * a sigmoid model): the confusion counts are accumulated over the epoch, each class' IoU is {@code
 * tp / (predicted + actual − tp)}, and the mean is taken over the classes present in the prediction
 * or the target — a class absent from both is left out, as Keras does.
 */
public final class MeanIou implements StreamingMetric {
  private final double threshold;

  /**
   * @param threshold the foreground threshold, used by sigmoid (one-channel) models only
   */
  public MeanIou(double threshold) {
    this.threshold = threshold;
  }

  @Override
  public String name() {
    return "mean_iou";
  }

  /** Per class c: intersection, then predicted plus actual pixels. */
  @Override
  public List<Operand<TFloat64>> statistics(Ops tf, Operand<TFloat32> p, Operand<TFloat32> y) {
    PixelClasses pixels = new PixelClasses(tf, p, y, threshold);
    List<Operand<TFloat64>> out = new ArrayList<>();
    for (int c = 0; c < pixels.classes(); c++) {
      out.add(pixels.intersection(c));
      out.add(pixels.predictedPlusActual(c));
    }
    return out;
  }

  @Override
  public double result(double[] t) {
    double sum = 0;
    int present = 0;
    for (int i = 0; i < t.length; i += 2) {
      if (t[i + 1] > 0) {
        sum += PixelClasses.iou(t[i], t[i + 1]);
        present++;
      }
    }
    return present == 0 ? 0 : sum / present;
  }
}
