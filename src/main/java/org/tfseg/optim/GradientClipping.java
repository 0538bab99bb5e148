package org.tfseg.optim;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Gradient clipping as Keras 3's optimizers do it, in float32 with Keras' formulas:
 *
 * <ul>
 *   <li>{@link Kind#CLIPNORM}: each gradient on its own, {@code g·c / max(‖g‖₂, c)};
 *   <li>{@link Kind#GLOBAL_CLIPNORM}: all gradients by one factor, {@code g·c·min(1/N, 1/c)} with
 *       {@code N = √Σ‖g‖₂²} over all of them ({@code tf.clip_by_global_norm}; a non-finite N makes
 *       every gradient NaN);
 *   <li>{@link Kind#CLIPVALUE}: each element, {@code clip(g, −c, c)}.
 * </ul>
 *
 * @param threshold c, > 0
 */
public record GradientClipping(Kind kind, double threshold) {
  /** Which clipping. */
  public enum Kind {
    CLIPNORM,
    GLOBAL_CLIPNORM,
    CLIPVALUE
  }

  /** The clipped gradients, in order. */
  public List<Operand<TFloat32>> apply(Ops tf, List<Operand<TFloat32>> grads) {
    Operand<TFloat32> c = tf.constant((float) threshold);
    List<Operand<TFloat32>> out = new ArrayList<>();
    switch (kind) {
      case CLIPNORM -> {
        for (Operand<TFloat32> g : grads) {
          out.add(tf.math.div(tf.math.mul(g, c), tf.math.maximum(norm(tf, g), c)));
        }
      }
      case GLOBAL_CLIPNORM -> {
        List<Operand<TFloat32>> squared = new ArrayList<>();
        for (Operand<TFloat32> g : grads) {
          squared.add(squaredSum(tf, g));
        }
        Operand<TFloat32> n = tf.math.sqrt(tf.sum(tf.stack(squared), tf.constant(0)));
        Operand<TFloat32> one = tf.constant(1f);
        Operand<TFloat32> finite =
            tf.math.mul(c, tf.math.minimum(tf.math.div(one, n), tf.math.div(one, c)));
        // + (N − N): NaN when N is inf or NaN, as Keras.
        Operand<TFloat32> scale = tf.math.add(finite, tf.math.sub(n, n));
        for (Operand<TFloat32> g : grads) {
          out.add(tf.math.mul(g, scale));
        }
      }
      case CLIPVALUE -> {
        Operand<TFloat32> low = tf.constant((float) -threshold);
        for (Operand<TFloat32> g : grads) {
          out.add(tf.clipByValue(g, low, c));
        }
      }
    }
    return out;
  }

  private static Operand<TFloat32> norm(Ops tf, Operand<TFloat32> g) {
    return tf.math.sqrt(squaredSum(tf, g));
  }

  private static Operand<TFloat32> squaredSum(Ops tf, Operand<TFloat32> g) {
    Operand<TFloat32> flat = tf.reshape(tf.math.square(g), tf.constant(new long[] {-1}));
    return tf.sum(flat, tf.constant(0));
  }
}
