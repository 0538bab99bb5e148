package org.tfseg.loss;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tfseg.model.OutputChannels;

/**
 * Keras {@code CategoricalFocalCrossentropy(alpha, gamma, from_logits=True, label_smoothing)} on
 * the one-hot of the sparse labels: per pixel {@code Σ_c α·(1 − p_c)^γ·(−t_c·log p_c)} with {@code
 * p = softmax(x)} and {@code t} the (smoothed) one-hot, averaged over the counted pixels (void
 * pixels are left out as {@link SparseCategoricalCrossEntropy} does). As Keras, {@code p} is
 * clipped to [1e-7, 1 − 1e-7] in the modulating factor; {@code log p} is the exact log-softmax
 * (Keras takes the log of the clipped {@code p}, which differs only below 1e-7). Optional class
 * weights multiply each pixel's loss by its class' weight (Keras {@code class_weight}).
 */
public final class CategoricalFocalCrossEntropy implements Loss {
  private final double alpha;
  private final double gamma;
  private final double labelSmoothing;
  private final double[] classWeights;

  public CategoricalFocalCrossEntropy(
      double alpha, double gamma, double labelSmoothing, double[] classWeights) {
    if (!(gamma >= 0) || !(alpha >= 0)) {
      throw new IllegalArgumentException("gamma and alpha must be >= 0");
    }
    this.alpha = alpha;
    this.gamma = gamma;
    this.labelSmoothing = labelSmoothing;
    this.classWeights = classWeights == null ? null : classWeights.clone();
  }

  @Override
  public Operand<TFloat32> build(
      Ops tf, List<Operand<TFloat32>> logits, Operand<TFloat32> targets) {
    String what = "loss 'categorical_focal_crossentropy'";
    long c = OutputChannels.requireMultiClass(logits.get(0), what);
    ClassWeights.requireCount(classWeights, c, what);
    SparseTargets t = new SparseTargets(tf, targets, (int) c, what);
    Operand<TFloat32> flat = tf.reshape(logits.get(0), tf.constant(new long[] {-1, c}));
    Operand<TFloat32> logP = tf.nn.logSoftmax(flat);
    Operand<TFloat32> cce = tf.math.neg(tf.math.mul(t.smoothed(labelSmoothing), logP));
    Operand<TFloat32> terms = tf.math.mul(cce, tf.constant((float) alpha));
    if (gamma != 0) {
      Operand<TFloat32> p =
          tf.clipByValue(tf.math.exp(logP), tf.constant(1e-7f), tf.constant(1 - 1e-7f));
      Operand<TFloat32> factor =
          tf.math.pow(tf.math.sub(tf.constant(1f), p), tf.constant((float) gamma));
      terms = tf.math.mul(factor, terms);
    }
    Operand<TFloat32> perPixel = tf.sum(terms, tf.constant(1));
    return t.mean(tf.math.mul(perPixel, t.weights(classWeights)));
  }
}
