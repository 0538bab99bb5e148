package org.tfseg.data;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The graph ops of an {@link Augmentation} for one {@code [H, W, C]} image/mask pair. All
 * randomness is one {@code StatelessRandomUniform} draw of {@value #DRAWS} numbers from a
 * per-sample seed, so a sample's augmentation depends only on that seed (the input pipeline derives
 * it from the experiment seed, the epoch and the sample index): reproducible, resumable, and
 * independent of thread scheduling.
 */
final class AugmentOps {
  /**
   * u[0] flip, u[1..2] crop offsets, u[3] apply brightness/contrast, u[4] contrast, u[5]
   * brightness.
   */
  static final int DRAWS = 6;

  private AugmentOps() {}

  /** The augmented {@code (image, mask)}; {@code seed} is an int64 {@code [2]}. */
  static List<Operand<TFloat32>> apply(
      Ops tf,
      Augmentation a,
      Operand<TFloat32> image,
      Operand<TFloat32> mask,
      Operand<TInt64> seed,
      int height,
      int width) {
    Operand<TFloat32> u =
        tf.random.statelessRandomUniform(tf.constant(new int[] {DRAWS}), seed, TFloat32.class);
    if (a.crop() != null) {
      int ch = a.crop().height();
      int cw = a.crop().width();
      Operand<TInt32> y = offset(tf, draw(tf, u, 1), height - ch);
      Operand<TInt32> x = offset(tf, draw(tf, u, 2), width - cw);
      image = crop(tf, image, y, x, ch, cw, 3);
      mask = crop(tf, mask, y, x, ch, cw, 1);
    }
    if (a.horizontalFlip()) {
      Operand<TBool> flip = tf.math.less(draw(tf, u, 0), tf.constant(0.5f));
      image = tf.select(flip, tf.reverse(image, tf.constant(new int[] {1})), image);
      mask = tf.select(flip, tf.reverse(mask, tf.constant(new int[] {1})), mask);
    }
    Augmentation.BrightnessContrast bc = a.brightnessContrast();
    if (bc != null) {
      Operand<TBool> apply = tf.math.less(draw(tf, u, 3), tf.constant((float) bc.p()));
      Operand<TFloat32> alpha =
          tf.math.add(tf.constant(1f), symmetric(tf, draw(tf, u, 4), bc.contrastLimit()));
      Operand<TFloat32> beta = symmetric(tf, draw(tf, u, 5), bc.brightnessLimit());
      Operand<TFloat32> jittered =
          tf.clipByValue(
              tf.math.add(tf.math.mul(image, alpha), beta), tf.constant(0f), tf.constant(1f));
      image = tf.select(apply, jittered, image);
    }
    return List.of(image, mask);
  }

  private static Operand<TFloat32> draw(Ops tf, Operand<TFloat32> u, int i) {
    return tf.reshape(
        tf.slice(u, tf.constant(new int[] {i}), tf.constant(new int[] {1})),
        tf.constant(new int[0]));
  }

  /** {@code U(−limit, limit)} from {@code u ~ U(0, 1)}. */
  private static Operand<TFloat32> symmetric(Ops tf, Operand<TFloat32> u, double limit) {
    return tf.math.mul(
        tf.math.sub(tf.math.mul(u, tf.constant(2f)), tf.constant(1f)), tf.constant((float) limit));
  }

  /** A uniform integer in {@code [0, max]}. */
  private static Operand<TInt32> offset(Ops tf, Operand<TFloat32> u, int max) {
    Operand<TFloat32> scaled = tf.math.floor(tf.math.mul(u, tf.constant((float) (max + 1))));
    return tf.math.minimum(tf.dtypes.cast(scaled, TInt32.class), tf.constant(max));
  }

  private static Operand<TFloat32> crop(
      Ops tf,
      Operand<TFloat32> hwc,
      Operand<TInt32> y,
      Operand<TInt32> x,
      int height,
      int width,
      int channels) {
    Operand<TInt32> begin = tf.stack(List.of(y, x, tf.constant(0)));
    Operand<TFloat32> cut = tf.slice(hwc, begin, tf.constant(new int[] {height, width, channels}));
    return tf.reshape(cut, tf.constant(new int[] {height, width, channels}));
  }
}
