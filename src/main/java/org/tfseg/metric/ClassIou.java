package org.tfseg.metric;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * The IoU of one class, {@code iou_class<c>} (Keras {@code IoU(target_class_ids=[c])}): reported
 * next to {@link MeanIou} in evaluations; 0 when the class is in neither prediction nor target.
 */
public final class ClassIou implements StreamingMetric {
  private final int classIndex;
  private final double threshold;

  public ClassIou(int classIndex, double threshold) {
    this.classIndex = classIndex;
    this.threshold = threshold;
  }

  @Override
  public String name() {
    return "iou_class" + classIndex;
  }

  @Override
  public List<Operand<TFloat64>> statistics(Ops tf, Operand<TFloat32> p, Operand<TFloat32> y) {
    PixelClasses pixels = new PixelClasses(tf, p, y, threshold);
    if (classIndex >= pixels.classes()) {
      throw new IllegalArgumentException(
          name() + " on a model with " + pixels.classes() + " classes");
    }
    return List.of(pixels.intersection(classIndex), pixels.predictedPlusActual(classIndex));
  }

  @Override
  public double result(double[] t) {
    return PixelClasses.iou(t[0], t[1]);
  }
}
