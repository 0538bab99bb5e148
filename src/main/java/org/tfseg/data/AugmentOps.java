package org.tfseg.data;

import java.util.List;
import java.util.Locale;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.ImageProjectiveTransformV3;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.op.image.ResizeNearestNeighbor;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/**
 * The graph ops of an {@link Augmentation} for one {@code [H, W, C]} image/mask pair. All
 * randomness is one {@code StatelessRandomUniform} draw of {@value #DRAWS} numbers from a
 * per-sample seed (and, for Gaussian noise, a {@code StatelessRandomNormal} field under a second
 * key derived from it), so a sample's augmentation depends only on that seed (the input pipeline
 * derives it from the experiment seed, the epoch and the sample index): reproducible, resumable,
 * and independent of thread scheduling.
 *
 * <p>Geometric ops move the mask with the image through the same coordinates: the image is sampled
 * bilinearly, class-label masks with nearest neighbour (never interpolated across classes), grey
 * masks bilinearly like the image. Pixels a geometric op brings in from outside are 0 in the image
 * and, in the mask, 0 or {@link LabelMap#VOID} when the targets have a void label.
 */
final class AugmentOps {
  /**
   * u[0] flip, u[1..2] crop offsets, u[3] apply brightness/contrast, u[4] contrast, u[5]
   * brightness, u[6] vertical flip, u[7] apply scale, u[8] scale, u[9..10] scale crop offsets,
   * u[11] apply rotation, u[12] angle, u[13] apply HSV, u[14..16] hue, saturation, value shifts,
   * u[17] apply blur, u[18] σ, u[19] apply noise, u[20] noise σ.
   */
  static final int DRAWS = 21;

  /** XORed into the first seed word for the noise field, so it is independent of the draws. */
  private static final long NOISE_KEY = 0x6A09E667F3BCC909L;

  private final Ops tf;
  private final Operand<TFloat32> u;
  private final boolean labels;
  private final float maskFill;

  private AugmentOps(Ops tf, Operand<TInt64> seed, LabelMap labelMap) {
    this.tf = tf;
    this.u = tf.random.statelessRandomUniform(tf.constant(new int[] {DRAWS}), seed, TFloat32.class);
    this.labels = labelMap != null;
    this.maskFill = labelMap != null && labelMap.hasVoid() ? LabelMap.VOID : 0f;
  }

  /**
   * The augmented {@code (image, mask)}; {@code seed} is an int64 {@code [2]}; {@code labels} the
   * targets' label map, null for grey masks.
   */
  static List<Operand<TFloat32>> apply(
      Ops tf,
      Augmentation a,
      Operand<TFloat32> image,
      Operand<TFloat32> mask,
      Operand<TInt64> seed,
      int height,
      int width,
      LabelMap labels) {
    AugmentOps ops = new AugmentOps(tf, seed, labels);
    if (a.scale() != null) {
      Augmentation.Scale s = a.scale();
      Operand<TBool> on = ops.chance(7, s.p());
      Operand<TFloat32> factor =
          tf.math.add(tf.constant(1f), ops.symmetric(ops.draw(8), s.limit()));
      List<Operand<TFloat32>> scaled = ops.scale(image, mask, factor, height, width);
      image = tf.select(on, scaled.get(0), image);
      mask = tf.select(on, scaled.get(1), mask);
    }
    if (a.rotate() != null) {
      Augmentation.Rotate r = a.rotate();
      Operand<TBool> on = ops.chance(11, r.p());
      Operand<TFloat32> radians = ops.symmetric(ops.draw(12), Math.toRadians(r.limit()));
      List<Operand<TFloat32>> rotated =
          ops.rotate(image, mask, radians, r.fillMode(), height, width);
      image = tf.select(on, rotated.get(0), image);
      mask = tf.select(on, rotated.get(1), mask);
    }
    int h = height;
    int w = width;
    if (a.crop() != null) {
      h = a.crop().height();
      w = a.crop().width();
      Operand<TInt32> y = ops.offset(ops.draw(1), height - h);
      Operand<TInt32> x = ops.offset(ops.draw(2), width - w);
      image = ops.crop(image, y, x, h, w, 3);
      mask = ops.crop(mask, y, x, h, w, 1);
    }
    if (a.horizontalFlip()) {
      Operand<TBool> flip = ops.chance(0, 0.5);
      image = tf.select(flip, tf.reverse(image, tf.constant(new int[] {1})), image);
      mask = tf.select(flip, tf.reverse(mask, tf.constant(new int[] {1})), mask);
    }
    if (a.verticalFlip()) {
      Operand<TBool> flip = ops.chance(6, 0.5);
      image = tf.select(flip, tf.reverse(image, tf.constant(new int[] {0})), image);
      mask = tf.select(flip, tf.reverse(mask, tf.constant(new int[] {0})), mask);
    }
    Augmentation.BrightnessContrast bc = a.brightnessContrast();
    if (bc != null) {
      Operand<TFloat32> alpha =
          tf.math.add(tf.constant(1f), ops.symmetric(ops.draw(4), bc.contrastLimit()));
      Operand<TFloat32> beta = ops.symmetric(ops.draw(5), bc.brightnessLimit());
      Operand<TFloat32> jittered =
          tf.clipByValue(
              tf.math.add(tf.math.mul(image, alpha), beta), tf.constant(0f), tf.constant(1f));
      image = tf.select(ops.chance(3, bc.p()), jittered, image);
    }
    if (a.hueSaturationValue() != null) {
      Augmentation.HueSaturationValue hsv = a.hueSaturationValue();
      image = tf.select(ops.chance(13, hsv.p()), ops.shiftHsv(image, hsv), image);
    }
    if (a.gaussianBlur() != null) {
      Augmentation.GaussianBlur b = a.gaussianBlur();
      Operand<TFloat32> sigma =
          tf.math.add(
              tf.constant((float) b.sigmaLow()),
              tf.math.mul(ops.draw(18), tf.constant((float) (b.sigmaHigh() - b.sigmaLow()))));
      image = tf.select(ops.chance(17, b.p()), ops.blur(image, sigma, b.kernelSize(), h, w), image);
    }
    if (a.gaussNoise() != null) {
      Augmentation.GaussNoise n = a.gaussNoise();
      Operand<TFloat32> std =
          tf.math.add(
              tf.constant((float) n.stdLow()),
              tf.math.mul(ops.draw(20), tf.constant((float) (n.stdHigh() - n.stdLow()))));
      Operand<TInt64> noiseSeed =
          tf.bitwise.bitwiseXor(seed, tf.constant(new long[] {NOISE_KEY, 0L}));
      Operand<TFloat32> field =
          tf.random.statelessRandomNormal(
              tf.constant(new int[] {h, w, 3}), noiseSeed, TFloat32.class);
      Operand<TFloat32> noisy =
          tf.clipByValue(
              tf.math.add(image, tf.math.mul(field, std)), tf.constant(0f), tf.constant(1f));
      image = tf.select(ops.chance(19, n.p()), noisy, image);
    }
    return List.of(image, mask);
  }

  /** Scaled by {@code factor}, padded (centred) to at least {@code H × W}, cropped to it. */
  private List<Operand<TFloat32>> scale(
      Operand<TFloat32> image, Operand<TFloat32> mask, Operand<TFloat32> factor, int h, int w) {
    Operand<TInt32> sh = scaledSide(factor, h);
    Operand<TInt32> sw = scaledSide(factor, w);
    Operand<TInt32> size = tf.stack(List.of(sh, sw));
    Operand<TFloat32> img = resize(image, size, false);
    Operand<TFloat32> msk = resize(mask, size, labels);
    Operand<TInt32> zero = tf.constant(0);
    Operand<TInt32> padH = tf.math.maximum(tf.math.sub(tf.constant(h), sh), zero);
    Operand<TInt32> padW = tf.math.maximum(tf.math.sub(tf.constant(w), sw), zero);
    Operand<TInt32> top = tf.math.floorDiv(padH, tf.constant(2));
    Operand<TInt32> left = tf.math.floorDiv(padW, tf.constant(2));
    Operand<TInt32> paddings =
        tf.reshape(
            tf.stack(
                List.of(top, tf.math.sub(padH, top), left, tf.math.sub(padW, left), zero, zero)),
            tf.constant(new int[] {3, 2}));
    img = tf.pad(img, paddings, tf.constant(0f));
    msk = tf.pad(msk, paddings, tf.constant(maskFill));
    Operand<TInt32> y =
        dynamicOffset(draw(9), tf.math.maximum(tf.math.sub(sh, tf.constant(h)), zero));
    Operand<TInt32> x =
        dynamicOffset(draw(10), tf.math.maximum(tf.math.sub(sw, tf.constant(w)), zero));
    return List.of(crop(img, y, x, h, w, 3), crop(msk, y, x, h, w, 1));
  }

  /** {@code max(⌊side·factor⌋, 1)}, Albumentations' {@code int(side * scale)}. */
  private Operand<TInt32> scaledSide(Operand<TFloat32> factor, int side) {
    Operand<TFloat32> scaled = tf.math.floor(tf.math.mul(factor, tf.constant((float) side)));
    return tf.math.maximum(tf.dtypes.cast(scaled, TInt32.class), tf.constant(1));
  }

  /** {@code tf.image.resize}: bilinear or nearest, half-pixel centres. */
  private Operand<TFloat32> resize(Operand<TFloat32> hwc, Operand<TInt32> size, boolean nearest) {
    Operand<TFloat32> batch = tf.expandDims(hwc, tf.constant(0));
    Operand<TFloat32> resized =
        nearest
            ? tf.image.resizeNearestNeighbor(
                batch,
                size,
                ResizeNearestNeighbor.halfPixelCenters(true),
                ResizeNearestNeighbor.alignCorners(false))
            : tf.image.resizeBilinear(
                batch,
                size,
                ResizeBilinear.halfPixelCenters(true),
                ResizeBilinear.alignCorners(false));
    return tf.squeeze(resized, org.tensorflow.op.core.Squeeze.axis(List.of(0L)));
  }

  /**
   * Rotation by {@code radians} about the image centre (Keras' {@code RandomRotation} / tfa's
   * transform): output pixel {@code (x, y)} samples the input at the rotated point.
   */
  private List<Operand<TFloat32>> rotate(
      Operand<TFloat32> image,
      Operand<TFloat32> mask,
      Operand<TFloat32> radians,
      Augmentation.FillMode fill,
      int h,
      int w) {
    Operand<TFloat32> cos = tf.math.cos(radians);
    Operand<TFloat32> sin = tf.math.sin(radians);
    Operand<TFloat32> wm1 = tf.constant((float) (w - 1));
    Operand<TFloat32> hm1 = tf.constant((float) (h - 1));
    Operand<TFloat32> half = tf.constant(0.5f);
    Operand<TFloat32> xOffset =
        tf.math.mul(
            tf.math.sub(wm1, tf.math.sub(tf.math.mul(cos, wm1), tf.math.mul(sin, hm1))), half);
    Operand<TFloat32> yOffset =
        tf.math.mul(
            tf.math.sub(hm1, tf.math.add(tf.math.mul(sin, wm1), tf.math.mul(cos, hm1))), half);
    Operand<TFloat32> zero = tf.constant(0f);
    Operand<TFloat32> transform =
        tf.reshape(
            tf.stack(List.of(cos, tf.math.neg(sin), xOffset, sin, cos, yOffset, zero, zero)),
            tf.constant(new int[] {1, 8}));
    String mode = fill.name();
    return List.of(
        project(image, transform, h, w, "BILINEAR", mode, 0f),
        project(mask, transform, h, w, labels ? "NEAREST" : "BILINEAR", mode, maskFill));
  }

  private Operand<TFloat32> project(
      Operand<TFloat32> hwc,
      Operand<TFloat32> transform,
      int h,
      int w,
      String interpolation,
      String fillMode,
      float fillValue) {
    Operand<TFloat32> out =
        tf.image.imageProjectiveTransformV3(
            tf.expandDims(hwc, tf.constant(0)),
            transform,
            tf.constant(new int[] {h, w}),
            tf.constant(fillValue),
            interpolation,
            ImageProjectiveTransformV3.fillMode(fillMode.toUpperCase(Locale.ROOT)));
    return tf.squeeze(out, org.tensorflow.op.core.Squeeze.axis(List.of(0L)));
  }

  /**
   * Albumentations' float path: hue in degrees (cyclic), saturation and value clipped to [0, 1].
   */
  private Operand<TFloat32> shiftHsv(Operand<TFloat32> image, Augmentation.HueSaturationValue s) {
    Operand<TFloat32> hsv = tf.image.rgbToHsv(image);
    List<Operand<TFloat32>> parts =
        tf.split(tf.constant(-1), hsv, 3L).output().stream()
            .map(o -> (Operand<TFloat32>) o)
            .toList();
    Operand<TFloat32> hue =
        tf.math.floorMod(
            tf.math.add(parts.get(0), symmetric(draw(14), s.hueShift() / 360.0)), tf.constant(1f));
    Operand<TFloat32> one = tf.constant(1f);
    Operand<TFloat32> zero = tf.constant(0f);
    Operand<TFloat32> sat =
        tf.clipByValue(tf.math.add(parts.get(1), symmetric(draw(15), s.satShift())), zero, one);
    Operand<TFloat32> val =
        tf.clipByValue(tf.math.add(parts.get(2), symmetric(draw(16), s.valShift())), zero, one);
    return tf.image.hsvToRgb(tf.concat(List.of(hue, sat, val), tf.constant(-1)));
  }

  /** A separable Gaussian of {@code sigma} over {@code k} taps, borders reflected (101). */
  private Operand<TFloat32> blur(
      Operand<TFloat32> image, Operand<TFloat32> sigma, int k, int h, int w) {
    int r = k / 2;
    float[] d2 = new float[k];
    for (int i = 0; i < k; i++) {
      d2[i] = (float) ((i - r) * (i - r));
    }
    Operand<TFloat32> g =
        tf.math.exp(
            tf.math.div(
                tf.math.neg(tf.constant(d2)), tf.math.mul(tf.constant(2f), tf.math.square(sigma))));
    g = tf.math.div(g, tf.sum(g, tf.constant(0)));
    Operand<TFloat32> perChannel =
        tf.tile(tf.reshape(g, tf.constant(new int[] {k, 1})), tf.constant(new int[] {1, 3}));
    Operand<TFloat32> vertical = tf.reshape(perChannel, tf.constant(new int[] {k, 1, 3, 1}));
    Operand<TFloat32> horizontal = tf.reshape(perChannel, tf.constant(new int[] {1, k, 3, 1}));
    Operand<TFloat32> padded =
        tf.mirrorPad(
            tf.expandDims(image, tf.constant(0)),
            tf.constant(new int[][] {{0, 0}, {r, r}, {r, r}, {0, 0}}),
            "REFLECT");
    List<Long> strides = List.of(1L, 1L, 1L, 1L);
    Operand<TFloat32> out =
        tf.nn.depthwiseConv2dNative(
            tf.nn.depthwiseConv2dNative(padded, vertical, strides, "VALID"),
            horizontal,
            strides,
            "VALID");
    return tf.reshape(out, tf.constant(new int[] {h, w, 3}));
  }

  private Operand<TFloat32> draw(int i) {
    return tf.reshape(
        tf.slice(u, tf.constant(new int[] {i}), tf.constant(new int[] {1})),
        tf.constant(new int[0]));
  }

  private Operand<TBool> chance(int i, double p) {
    return tf.math.less(draw(i), tf.constant((float) p));
  }

  /** {@code U(−limit, limit)} from {@code u ~ U(0, 1)}. */
  private Operand<TFloat32> symmetric(Operand<TFloat32> v, double limit) {
    return tf.math.mul(
        tf.math.sub(tf.math.mul(v, tf.constant(2f)), tf.constant(1f)), tf.constant((float) limit));
  }

  /** A uniform integer in {@code [0, max]}. */
  private Operand<TInt32> offset(Operand<TFloat32> v, int max) {
    return dynamicOffset(v, tf.constant(max));
  }

  private Operand<TInt32> dynamicOffset(Operand<TFloat32> v, Operand<TInt32> max) {
    Operand<TFloat32> scaled =
        tf.math.floor(
            tf.math.mul(v, tf.dtypes.cast(tf.math.add(max, tf.constant(1)), TFloat32.class)));
    return tf.math.minimum(tf.dtypes.cast(scaled, TInt32.class), max);
  }

  private Operand<TFloat32> crop(
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
