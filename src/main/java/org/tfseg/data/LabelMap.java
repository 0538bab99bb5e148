package org.tfseg.data;

import java.util.Arrays;
import java.util.Map;
import java.util.StringJoiner;

/**
 * How the 8-bit values of a label image become class indices ({@code labels} targets, as opposed to
 * grey {@code mask} targets). A value without a class is an error when a sample is decoded, so a
 * stray value (a 255 "void" border, a wrong file) fails instead of training on garbage.
 */
public final class LabelMap {
  /** Oxford-IIIT Pet trimaps: 1 pet → 0, 2 border → 1, 3 background → 2 (label = trimap − 1). */
  public static final LabelMap OXFORD_TRIMAP = of(Map.of(1, 0, 2, 1, 3, 2));

  private final int[] classOf;

  private LabelMap(int[] classOf) {
    this.classOf = classOf;
  }

  /** {@code raw value → class index}; raw values in 0..255, classes >= 0. */
  public static LabelMap of(Map<Integer, Integer> classes) {
    int[] table = new int[256];
    Arrays.fill(table, -1);
    classes.forEach(
        (raw, cls) -> {
          if (raw < 0 || raw > 255 || cls < 0) {
            throw new IllegalArgumentException(
                "label mapping " + raw + " → " + cls + " is out of range");
          }
          table[raw] = cls;
        });
    return new LabelMap(table);
  }

  /** The 256-entry lookup table, −1 where a raw value has no class. */
  int[] table() {
    return classOf.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelMap other && Arrays.equals(classOf, other.classOf);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(classOf);
  }

  @Override
  public String toString() {
    StringJoiner j = new StringJoiner(", ", "{", "}");
    for (int raw = 0; raw < classOf.length; raw++) {
      if (classOf[raw] >= 0) {
        j.add(raw + "→" + classOf[raw]);
      }
    }
    return j.toString();
  }
}
