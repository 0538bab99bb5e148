package org.tfseg.sod;

/**
 * Pillow's {@code Image.resize(size, Image.BILINEAR)} on an 8-bit grey image, reproduced exactly
 * (Pillow 7+ {@code Resample.c}): a separable triangle filter whose support grows with the
 * downscaling factor (so downscaling averages, it is not point sampling), pixel centres at {@code
 * (i + 0.5)·scale}, coefficients normalised per output pixel and rounded to 22-bit fixed point,
 * horizontal pass first with the intermediate rounded and clipped to 8 bits, then the vertical
 * pass. This is how BASNet's and U²-Net's test scripts bring a prediction to the image size.
 * Checked identical to Pillow 9.4 on 300 random up- and down-scalings.
 */
public final class PilBilinear {
  private static final int PRECISION_BITS = 32 - 8 - 2;

  private PilBilinear() {}

  public static GreyImage resize(GreyImage in, int width, int height) {
    if (width <= 0 || height <= 0) {
      throw new IllegalArgumentException("size " + width + "x" + height);
    }
    if (in.width() == width && in.height() == height) {
      return in;
    }
    int[] cur = in.values();
    int curW = in.width();
    int curH = in.height();
    if (curW != width) {
      Coeffs k = coeffs(curW, width);
      int[] out = new int[width * curH];
      for (int y = 0; y < curH; y++) {
        for (int x = 0; x < width; x++) {
          long ss = 1L << (PRECISION_BITS - 1);
          int xmin = k.bounds[2 * x];
          int n = k.bounds[2 * x + 1];
          for (int j = 0; j < n; j++) {
            ss += (long) cur[y * curW + xmin + j] * k.weights[x * k.size + j];
          }
          out[y * width + x] = clip8(ss);
        }
      }
      cur = out;
      curW = width;
    }
    if (curH != height) {
      Coeffs k = coeffs(curH, height);
      int[] out = new int[curW * height];
      for (int y = 0; y < height; y++) {
        int ymin = k.bounds[2 * y];
        int n = k.bounds[2 * y + 1];
        for (int x = 0; x < curW; x++) {
          long ss = 1L << (PRECISION_BITS - 1);
          for (int j = 0; j < n; j++) {
            ss += (long) cur[(ymin + j) * curW + x] * k.weights[y * k.size + j];
          }
          out[y * curW + x] = clip8(ss);
        }
      }
      cur = out;
    }
    return new GreyImage(width, height, cur);
  }

  private record Coeffs(int size, int[] bounds, int[] weights) {}

  private static Coeffs coeffs(int inSize, int outSize) {
    double scale = (double) inSize / outSize;
    double filterScale = Math.max(scale, 1.0);
    double support = 1.0 * filterScale;
    int ksize = (int) Math.ceil(support) * 2 + 1;
    int[] bounds = new int[outSize * 2];
    int[] weights = new int[outSize * ksize];
    double[] k = new double[ksize];
    for (int xx = 0; xx < outSize; xx++) {
      double center = (xx + 0.5) * scale;
      double ss = 1.0 / filterScale;
      int xmin = (int) (center - support + 0.5);
      if (xmin < 0) {
        xmin = 0;
      }
      int xmax = (int) (center + support + 0.5);
      if (xmax > inSize) {
        xmax = inSize;
      }
      xmax -= xmin;
      double ww = 0.0;
      for (int x = 0; x < xmax; x++) {
        double v = triangle((x + xmin - center + 0.5) * ss);
        k[x] = v;
        ww += v;
      }
      for (int x = 0; x < ksize; x++) {
        double v = x < xmax ? (ww != 0.0 ? k[x] / ww : k[x]) : 0.0;
        weights[xx * ksize + x] =
            (int) (v < 0 ? -0.5 + v * (1 << PRECISION_BITS) : 0.5 + v * (1 << PRECISION_BITS));
      }
      bounds[2 * xx] = xmin;
      bounds[2 * xx + 1] = xmax;
    }
    return new Coeffs(ksize, bounds, weights);
  }

  private static double triangle(double x) {
    x = Math.abs(x);
    return x < 1.0 ? 1.0 - x : 0.0;
  }

  private static int clip8(long ss) {
    long v = ss >> PRECISION_BITS;
    return (int) Math.max(0, Math.min(255, v));
  }
}
