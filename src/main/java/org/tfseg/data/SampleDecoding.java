package org.tfseg.data;

import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.DecodeImage;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TString;
import org.tensorflow.types.TUint8;

/**
 * Graph ops turning encoded file bytes (PNG/JPEG/BMP/GIF; first GIF frame) into float images.
 *
 * <p>Both decode to 3 channels first: grey is replicated, alpha dropped, a palette expanded to its
 * colours. For masks the RGB is then reduced to grey with PIL's {@code convert('L')} integer
 * formula (ITU-R 601: {@code (19595 R + 38470 G + 7471 B + 32768) >> 16}), so grey masks keep their
 * values, colour masks get PIL's luma, and a palette ("P") mask gets the luma of its palette
 * colour, not its index. TF's PNG decoder scales 1-, 2- and 4-bit grey to 8 bits (1-bit {0,1} →
 * {0,255}), as PIL's mode "1" → "L" does, so 1-bit masks come out as exactly 0.0 / 1.0.
 */
final class SampleDecoding {
  private SampleDecoding() {}

  /** {@code [h, w, 3]} RGB in [0, 1]. */
  static Operand<TFloat32> image(Ops tf, Operand<TString> bytes) {
    return tf.math.div(tf.dtypes.cast(rgb(tf, bytes), TFloat32.class), tf.constant(255f));
  }

  /** {@code [h, w, 1]} grey in [0, 1]. */
  static Operand<TFloat32> mask(Ops tf, Operand<TString> bytes) {
    Operand<TInt32> rgb = tf.dtypes.cast(rgb(tf, bytes), TInt32.class);
    Operand<TInt32> weighted =
        tf.sum(
            tf.math.mul(rgb, tf.constant(new int[] {19595, 38470, 7471})),
            tf.constant(-1),
            org.tensorflow.op.core.Sum.keepDims(true));
    Operand<TInt32> luma =
        tf.bitwise.rightShift(tf.math.add(weighted, tf.constant(32768)), tf.constant(16));
    return tf.math.div(tf.dtypes.cast(luma, TFloat32.class), tf.constant(255f));
  }

  /**
   * {@code [h, w, 1]} class indices (as floats) of a label image through {@code map}: the raw 8-bit
   * values, never grey-converted or scaled. A grey palette (index i shown as (i, i, i)) reads as
   * its indices; a colour palette or RGB image fails, since TF decoders expose colours, not palette
   * indices. A value {@code map} has no class for fails too; a value it declares void becomes
   * {@link LabelMap#VOID}.
   */
  static Operand<TFloat32> labels(Ops tf, Operand<TString> bytes, LabelMap map) {
    Operand<TInt32> rgb = tf.dtypes.cast(rgb(tf, bytes), TInt32.class);
    Operand<TInt32> red =
        tf.slice(rgb, tf.constant(new int[] {0, 0, 0}), tf.constant(new int[] {-1, -1, 1}));
    Op grey =
        tf.assertThat(
            tf.reduceAll(tf.math.equal(rgb, red), tf.constant(new int[] {0, 1, 2})),
            List.of(tf.constant("label image has colour pixels; expected grey class values")));
    // checked first, so that a colour image is reported as such rather than as unmapped values
    Operand<TInt32> raw = tf.withControlDependencies(List.of(grey)).identity(red);
    Operand<TInt32> classes = tf.gather(tf.constant(map.table()), raw, tf.constant(0));
    Operand<TInt32> unmapped =
        tf.dtypes.cast(tf.math.equal(classes, tf.constant(LabelMap.UNMAPPED)), TInt32.class);
    Op mapped =
        tf.assertThat(
            tf.math.equal(tf.max(unmapped, tf.constant(new int[] {0, 1, 2})), tf.constant(0)),
            List.of(
                tf.constant("label value outside the mapping " + map + ", e.g."),
                tf.max(tf.math.mul(raw, unmapped), tf.constant(new int[] {0, 1, 2}))));
    return tf.withControlDependencies(List.of(mapped)).dtypes.cast(classes, TFloat32.class);
  }

  private static Operand<TUint8> rgb(Ops tf, Operand<TString> bytes) {
    return tf.image.decodeImage(
        bytes, TUint8.class, DecodeImage.channels(3L), DecodeImage.expandAnimations(false));
  }
}
