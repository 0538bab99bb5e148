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
  /**
   * The target value of a void pixel ({@code data.ignore_label}): losses and metrics leave it out,
   * as Keras' {@code ignore_class} and SMP's {@code ignore_index} do. A class index is never
   * negative, so no class can collide with it.
   */
  public static final int VOID = -1;

  /** Oxford-IIIT Pet trimaps: 1 pet → 0, 2 border → 1, 3 background → 2 (label = trimap − 1). */
  static final int UNMAPPED = -2;

  public static final LabelMap OXFORD_TRIMAP = of(Map.of(1, 0, 2, 1, 3, 2));

  private final int[] classOf;

  private LabelMap(int[] classOf) {
    this.classOf = classOf;
  }

  /** {@code raw value → class index}; raw values in 0..255, classes >= 0. */
  public static LabelMap of(Map<Integer, Integer> classes) {
    int[] table = new int[256];
    Arrays.fill(table, UNMAPPED);
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

  /**
   * This map with raw value {@code raw} read as {@link #VOID}, taking precedence over a class the
   * value had (so a trimap's border value can be declared void too).
   */
  public LabelMap withVoid(int raw) {
    if (raw < 0 || raw > 255) {
      throw new IllegalArgumentException("void label " + raw + " is not an 8-bit value");
    }
    int[] table = classOf.clone();
    table[raw] = VOID;
    return new LabelMap(table);
  }

  /** Whether some raw value is read as {@link #VOID}. */
  public boolean hasVoid() {
    return Arrays.stream(classOf).anyMatch(c -> c == VOID);
  }

  /** The 256-entry lookup table, −2 where a raw value has no class, {@link #VOID} if void. */
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
      } else if (classOf[raw] == VOID) {
        j.add(raw + "→void");
      }
    }
    return j.toString();
  }
}
