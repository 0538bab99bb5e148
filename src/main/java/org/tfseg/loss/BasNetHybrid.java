package org.tfseg.loss;

/**
 * BASNet's hybrid loss: for every output, BCE + (1 − SSIM) + (1 − IoU), summed over the outputs
 * (the seed's {@code BasnetLoss} applied by Keras to each of the 8 outputs, loss weights 1).
 *
 * <p>The seed adds 1e-9 inside {@code 1 − SSIM}; that constant has no gradient and is below float32
 * resolution at the loss's magnitude, so it is left out. Its IoU smoothing (1e-9 in numerator and
 * denominator) is kept ({@link SoftIou#SEED_SMOOTH}).
 */
public final class BasNetHybrid {
  private BasNetHybrid() {}

  /** The seed's objective: {@code tf.image.ssim} semantics for the SSIM term. */
  public static Loss basnet() {
    return basnet(Ssim.Padding.VALID);
  }

  /** {@link Ssim.Padding#SAME} gives the original (PyTorch) BASNet's SSIM term. */
  public static Loss basnet(Ssim.Padding ssimPadding) {
    return new DeepSupervision(perOutput(ssimPadding));
  }

  /** BCE + (1 − SSIM) + (1 − IoU) of one output. */
  public static Loss perOutput(Ssim.Padding ssimPadding) {
    return WeightedSum.of(
        new BinaryCrossEntropy(), new Ssim(ssimPadding), new SoftIou(SoftIou.SEED_SMOOTH));
  }
}
