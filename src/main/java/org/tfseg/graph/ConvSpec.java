package org.tfseg.graph;

/**
 * A 2-D convolution's hyperparameters, Keras {@code Conv2D} defaults: stride 1, padding {@code
 * same} here (Keras defaults to {@code valid}; segmentation models almost always ask for {@code
 * same}), dilation 1, bias on, glorot-uniform kernel, zero bias.
 */
public record ConvSpec(
    int filters,
    int kernelH,
    int kernelW,
    int stride,
    Padding padding,
    int dilation,
    boolean useBias,
    Initializer kernelInit) {

  public enum Padding {
    SAME,
    VALID
  }

  public ConvSpec {
    if (filters < 1 || kernelH < 1 || kernelW < 1 || stride < 1 || dilation < 1) {
      throw new IllegalArgumentException("invalid conv spec");
    }
    if (dilation > 1 && stride > 1) {
      throw new IllegalArgumentException(
          "dilation > 1 with stride > 1 is not supported (as in Keras)");
    }
  }

  public static ConvSpec of(int filters, int kernel) {
    return new ConvSpec(
        filters, kernel, kernel, 1, Padding.SAME, 1, true, Initializer.glorotUniform());
  }

  public ConvSpec stride(int s) {
    return new ConvSpec(filters, kernelH, kernelW, s, padding, dilation, useBias, kernelInit);
  }

  public ConvSpec padding(Padding p) {
    return new ConvSpec(filters, kernelH, kernelW, stride, p, dilation, useBias, kernelInit);
  }

  public ConvSpec dilation(int d) {
    return new ConvSpec(filters, kernelH, kernelW, stride, padding, d, useBias, kernelInit);
  }

  public ConvSpec noBias() {
    return new ConvSpec(filters, kernelH, kernelW, stride, padding, dilation, false, kernelInit);
  }

  public ConvSpec kernelInit(Initializer init) {
    return new ConvSpec(filters, kernelH, kernelW, stride, padding, dilation, useBias, init);
  }
}
