package org.tfseg.loss;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Structural similarity as a loss, {@code 1 − SSIM(sigmoid(logits), targets)} averaged over the
 * batch, with {@code tf.image.ssim}'s constants: 11×11 Gaussian window (σ 1.5), C1 = 0.01², C2 =
 * 0.03², max_val 1; the SSIM map is averaged over height, width and channels per image.
 *
 * <p>Local means and (co)variances are a depthwise convolution with a {@code [11, 11, C, 1]}
 * constant window (no dilation: TF's dilated depthwise gradient is wrong). {@link Padding#VALID}
 * reproduces {@code tf.image.ssim} (used by the Keras BASNet); {@link Padding#SAME} zero-pads as
 * the original BASNet's {@code pytorch_ssim} does, which lowers SSIM near the borders.
 */
public final class Ssim implements Loss {
  /** SSIM border handling; JSON {@code "valid"} / {@code "same"}. */
  public enum Padding {
    /** Only windows fully inside the image, as {@code tf.image.ssim}. */
    @JsonProperty("valid")
    VALID,
    /** Zero padding, one window per pixel, as {@code pytorch_ssim} in the original BASNet. */
    @JsonProperty("same")
    SAME
  }

  public static final int WINDOW = 11;
  public static final double SIGMA = 1.5;
  public static final double C1 = 0.01 * 0.01;
  public static final double C2 = 0.03 * 0.03;

  private final Padding padding;

  /** {@code tf.image.ssim} semantics ({@link Padding#VALID}), as the seed's BasnetLoss. */
  public Ssim() {
    this(Padding.VALID);
  }

  public Ssim(Padding padding) {
    this.padding = padding;
  }

  public Padding padding() {
    return padding;
  }

  @Override
  public Operand<TFloat32> build(
      Ops tf, List<Operand<TFloat32>> logits, Operand<TFloat32> targets) {
    Operand<TFloat32> perImage = perImage(tf, tf.math.sigmoid(logits.get(0)), targets);
    return tf.math.mean(perImage, tf.constant(0));
  }

  /** {@code 1 − SSIM} of each image, shape {@code [batch]}. */
  public Operand<TFloat32> perImage(
      Ops tf, Operand<TFloat32> probabilities, Operand<TFloat32> targets) {
    return tf.math.sub(tf.constant(1f), index(tf, probabilities, targets));
  }

  /**
   * The SSIM index of each image pair ({@code [batch]}), computed as {@code tf.image.ssim} does:
   * luminance {@code (2μxμy + C1)/(μx² + μy² + C1)} times contrast-structure {@code (2E[xy] − 2μxμy
   * + C2)/(E[x² + y²] − μx² − μy² + C2)}, with E the windowed mean.
   */
  public Operand<TFloat32> index(Ops tf, Operand<TFloat32> x, Operand<TFloat32> y) {
    long channels = x.shape().get(3);
    if (channels < 1) {
      throw new IllegalArgumentException("SSIM needs a static channel count, got " + x.shape());
    }
    Operand<TFloat32> window = window(tf, (int) channels);
    Operand<TFloat32> c1 = tf.constant((float) C1);
    Operand<TFloat32> c2 = tf.constant((float) C2);
    Operand<TFloat32> two = tf.constant(2f);
    Operand<TFloat32> meanX = filter(tf, x, window);
    Operand<TFloat32> meanY = filter(tf, y, window);
    Operand<TFloat32> num0 = tf.math.mul(tf.math.mul(meanX, meanY), two);
    Operand<TFloat32> den0 = tf.math.add(tf.math.square(meanX), tf.math.square(meanY));
    Operand<TFloat32> luminance = tf.math.div(tf.math.add(num0, c1), tf.math.add(den0, c1));
    Operand<TFloat32> num1 = tf.math.mul(filter(tf, tf.math.mul(x, y), window), two);
    Operand<TFloat32> den1 = filter(tf, tf.math.add(tf.math.square(x), tf.math.square(y)), window);
    Operand<TFloat32> cs =
        tf.math.div(
            tf.math.add(tf.math.sub(num1, num0), c2), tf.math.add(tf.math.sub(den1, den0), c2));
    return tf.math.mean(tf.math.mul(luminance, cs), tf.constant(new int[] {1, 2, 3}));
  }

  private Operand<TFloat32> filter(Ops tf, Operand<TFloat32> x, Operand<TFloat32> window) {
    return tf.nn.depthwiseConv2dNative(x, window, List.of(1L, 1L, 1L, 1L), padding.name());
  }

  /** The normalised 1-D Gaussian; the 2-D window is its outer product (sums to 1). */
  public static double[] gaussian() {
    double[] g = new double[WINDOW];
    double sum = 0;
    for (int i = 0; i < WINDOW; i++) {
      double d = i - (WINDOW - 1) / 2.0;
      g[i] = Math.exp(-d * d / (2 * SIGMA * SIGMA));
      sum += g[i];
    }
    for (int i = 0; i < WINDOW; i++) {
      g[i] /= sum;
    }
    return g;
  }

  private static Operand<TFloat32> window(Ops tf, int channels) {
    double[] g = gaussian();
    float[] w = new float[WINDOW * WINDOW * channels];
    for (int i = 0; i < WINDOW; i++) {
      for (int j = 0; j < WINDOW; j++) {
        for (int c = 0; c < channels; c++) {
          w[(i * WINDOW + j) * channels + c] = (float) (g[i] * g[j]);
        }
      }
    }
    return tf.constant(Shape.of(WINDOW, WINDOW, channels, 1), DataBuffers.of(w, true, false));
  }
}
