package org.tfseg.loss;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tfseg.model.OutputChannels;

/**
 * Keras {@code SparseCategoricalCrossentropy(from_logits=True, ignore_class=void)}: {@code −Σ_c
 * t_c·log softmax(x)_c} per pixel with {@code t} the one-hot label, averaged over the counted
 * pixels of the batch; targets are class indices stored as floats {@code [N, H, W, 1]} ({@link
 * SparseTargets}). Options, both Keras': {@code label_smoothing} as {@code CategoricalCrossentropy}
 * applies it to the one-hot, and per-class weights as {@code fit(class_weight=…)} (each pixel's
 * loss times its class' weight, the sum still divided by the pixel count — unlike PyTorch's {@code
 * weight=}, which divides by the summed weights).
 *
 * <p>Built from ops with correct C++ gradients: TF's fused sparse op has none, and {@code
 * logSoftmax} is only right on rank 2, so logits are reshaped to {@code [−1, C]} first.
 */
public final class SparseCategoricalCrossEntropy implements Loss {
  private final double labelSmoothing;
  private final double[] classWeights;

  /** No label smoothing, no class weights. */
  public SparseCategoricalCrossEntropy() {
    this(0, null);
  }

  /**
   * @param classWeights one weight per class, or null for all 1
   */
  public SparseCategoricalCrossEntropy(double labelSmoothing, double[] classWeights) {
    this.labelSmoothing = labelSmoothing;
    this.classWeights = classWeights == null ? null : classWeights.clone();
  }

  @Override
  public Operand<TFloat32> build(
      Ops tf, List<Operand<TFloat32>> logits, Operand<TFloat32> targets) {
    String what = "loss 'sparse_categorical_crossentropy'";
    long c = OutputChannels.requireMultiClass(logits.get(0), what);
    ClassWeights.requireCount(classWeights, c, what);
    SparseTargets t = new SparseTargets(tf, targets, (int) c, what);
    Operand<TFloat32> flat = tf.reshape(logits.get(0), tf.constant(new long[] {-1, c}));
    Operand<TFloat32> logProbabilities = tf.nn.logSoftmax(flat);
    Operand<TFloat32> perPixel =
        tf.math.neg(
            tf.sum(tf.math.mul(t.smoothed(labelSmoothing), logProbabilities), tf.constant(1)));
    return t.mean(tf.math.mul(perPixel, t.weights(classWeights)));
  }
}
