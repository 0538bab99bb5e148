package org.tfseg.viz;

import java.util.function.IntUnaryOperator;

/**
 * The PASCAL VOC colour map for class masks: class 0 (background) black, then (128,0,0), (0,128,0),
 * (128,128,0), (0,0,128), … — 256 distinguishable colours, built from the class index's bits as
 * VOC's {@code labelcolormap.m} does; class {@code c} ≥ 256 repeats {@code c mod 256}. A
 * one-channel (binary) mask's foreground is drawn in {@link #FOREGROUND}, brighter than VOC's dark
 * red.
 */
public final class Palette {
  /** The foreground colour of binary masks: gold. */
  public static final int FOREGROUND = 0xffd700;

  private static final int[] RGB = new int[256];

  static {
    for (int i = 0; i < RGB.length; i++) {
      int r = 0;
      int g = 0;
      int b = 0;
      int c = i;
      for (int j = 0; j < 8; j++) {
        r |= (c & 1) << (7 - j);
        g |= ((c >> 1) & 1) << (7 - j);
        b |= ((c >> 2) & 1) << (7 - j);
        c >>= 3;
      }
      RGB[i] = (r << 16) | (g << 8) | b;
    }
  }

  private Palette() {}

  /** The colours of a mask with {@code channels} output channels, by class. */
  public static IntUnaryOperator forChannels(int channels) {
    return channels == 1 ? c -> c == 0 ? RGB[0] : FOREGROUND : Palette::rgb;
  }

  /** The colour of class {@code c} as {@code 0xRRGGBB}; negative classes get class 0's. */
  public static int rgb(int c) {
    return RGB[Math.max(0, c) % RGB.length];
  }
}
