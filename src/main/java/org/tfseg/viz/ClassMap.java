package org.tfseg.viz;

/**
 * The class of every pixel of a prediction or label, row-major. For a one-channel (sigmoid) output
 * there are two classes: foreground where {@code p > 0.5} (as the metrics' default threshold), else
 * background (0); for C channels the arg-max. Class 0 is the background.
 */
public record ClassMap(int height, int width, int[] classes) {
  public static final double THRESHOLD = 0.5;

  /** From {@code [height, width, channels]} probabilities, flattened. */
  public static ClassMap ofProbabilities(float[] p, int height, int width, int channels) {
    int[] out = new int[height * width];
    for (int i = 0; i < out.length; i++) {
      int at = i * channels;
      if (channels == 1) {
        out[i] = p[at] > THRESHOLD ? 1 : 0;
      } else {
        int best = 0;
        for (int k = 1; k < channels; k++) {
          if (p[at + k] > p[at + best]) {
            best = k;
          }
        }
        out[i] = best;
      }
    }
    return new ClassMap(height, width, out);
  }

  /** From a label mask of class indices stored as floats (rounded). */
  public static ClassMap ofLabels(float[] labels, int height, int width) {
    int[] out = new int[height * width];
    for (int i = 0; i < out.length; i++) {
      out[i] = Math.round(labels[i]);
    }
    return new ClassMap(height, width, out);
  }

  public boolean foreground(int pixel) {
    return classes[pixel] != 0;
  }

  /** Whether a 4-neighbour of {@code pixel} (inside the image) has another class. */
  public boolean outline(int pixel) {
    int x = pixel % width;
    int y = pixel / width;
    int c = classes[pixel];
    return (x > 0 && classes[pixel - 1] != c)
        || (x + 1 < width && classes[pixel + 1] != c)
        || (y > 0 && classes[pixel - width] != c)
        || (y + 1 < height && classes[pixel + width] != c);
  }
}
