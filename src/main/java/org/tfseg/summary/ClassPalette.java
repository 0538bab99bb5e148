package org.tfseg.summary;

/**
 * One colour per class index, the PASCAL VOC colormap (class 0 black, 1 dark red, 2 dark green, 3
 * olive, …): the bits of the index spread over R, G and B from the high bit down, so neighbouring
 * classes get clearly different colours for any class count up to 256.
 */
public final class ClassPalette {
  private ClassPalette() {}

  /** The colour of class {@code index} (clamped to [0, 255]) as {@code {r, g, b}} bytes. */
  public static byte[] rgb(int index) {
    int c = Math.max(0, Math.min(255, index));
    int r = 0;
    int g = 0;
    int b = 0;
    for (int bit = 7; bit >= 0; bit--) {
      r |= (c & 1) << bit;
      g |= ((c >> 1) & 1) << bit;
      b |= ((c >> 2) & 1) << bit;
      c >>= 3;
    }
    return new byte[] {(byte) r, (byte) g, (byte) b};
  }
}
