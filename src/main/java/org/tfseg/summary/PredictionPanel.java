package org.tfseg.summary;

import org.tfseg.viz.Palette;

/**
 * One validation sample as an 8-bit RGB strip, {@code image | ground truth | prediction}, each
 * {@code height × width}: the image as the model sees it ([0, 1], grey if single-channel), and for
 * binary models the mask and the probability as grey, for multi-class models the label and the
 * argmax class in {@link Palette} (PASCAL VOC) colours.
 */
public final class PredictionPanel {
  private PredictionPanel() {}

  /**
   * @param images {@code [n, height, width, channels]} in [0, 1], flattened
   * @param masks {@code [n, height, width]}: grey in [0, 1] (binary) or class labels
   * @param probabilities {@code [n, height, width, classes]}: sigmoid (1 class) or softmax
   * @param index the sample
   * @return {@code height × 3·width × 3} bytes, row-major
   */
  public static byte[] rgb(
      float[] images,
      float[] masks,
      float[] probabilities,
      int index,
      int height,
      int width,
      int channels,
      int classes) {
    int pixels = height * width;
    byte[] out = new byte[pixels * 3 * 3];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        int p = index * pixels + y * width + x;
        int row = y * 3 * width;
        for (int k = 0; k < 3; k++) {
          out[(row + x) * 3 + k] = unit(images[p * channels + Math.min(k, channels - 1)]);
        }
        if (classes == 1) {
          grey(out, row + width + x, masks[p]);
          grey(out, row + 2 * width + x, probabilities[p]);
        } else {
          colour(out, row + width + x, Math.round(masks[p]));
          colour(out, row + 2 * width + x, argmax(probabilities, p * classes, classes));
        }
      }
    }
    return out;
  }

  private static void grey(byte[] out, int pixel, float value) {
    byte v = unit(value);
    out[pixel * 3] = v;
    out[pixel * 3 + 1] = v;
    out[pixel * 3 + 2] = v;
  }

  private static void colour(byte[] out, int pixel, int label) {
    int rgb = Palette.rgb(label);
    out[pixel * 3] = (byte) (rgb >> 16);
    out[pixel * 3 + 1] = (byte) (rgb >> 8);
    out[pixel * 3 + 2] = (byte) rgb;
  }

  /** [0, 1] → 0…255, rounded; out-of-range and NaN values clamp (NaN to 0). */
  private static byte unit(float v) {
    float c = v > 0 ? Math.min(v, 1f) : 0f;
    return (byte) Math.round(c * 255f);
  }

  private static int argmax(float[] values, int from, int count) {
    int best = 0;
    for (int c = 1; c < count; c++) {
      if (values[from + c] > values[from + best]) {
        best = c;
      }
    }
    return best;
  }
}
