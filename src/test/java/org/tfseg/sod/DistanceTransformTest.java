package org.tfseg.sod;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DistanceTransformTest {
  @Test
  void breaksTiesAsScipy() {
    // Targets at (0,0) (0,4) (2,2) (4,1) (4,5) of a 5×6 image. Expected indices are what
    // scipy.ndimage.distance_transform_edt(~m, return_indices=True) returns (scipy 1.17):
    // e.g. (1,1) is √2 from both (0,0) and (2,2) and scipy picks (0,0).
    boolean[] m = new boolean[30];
    for (int i : new int[] {0, 4, 14, 25, 29}) {
      m[i] = true;
    }
    int[] want = {
      0, 0, 0, 4, 4, 4,
      0, 0, 14, 14, 4, 4,
      0, 14, 14, 14, 14, 29,
      25, 25, 14, 14, 29, 29,
      25, 25, 25, 25, 29, 29
    };
    DistanceTransform dt = DistanceTransform.of(m, 5, 6);
    int[] got = new int[30];
    for (int i = 0; i < 30; i++) {
      got[i] = dt.nearest(i);
    }
    assertArrayEquals(want, got);
    assertEquals(Math.sqrt(2), dt.distance(7), 0);
    assertEquals(2.0, dt.distance(2), 0);
    assertEquals(0.0, dt.distance(14), 0);
  }

  @Test
  void distancesAreExactEuclidean() {
    boolean[] m = new boolean[7 * 9];
    m[3 * 9 + 4] = true;
    DistanceTransform dt = DistanceTransform.of(m, 7, 9);
    for (int r = 0; r < 7; r++) {
      for (int c = 0; c < 9; c++) {
        assertEquals(Math.hypot(r - 3, c - 4), dt.distance(r * 9 + c), 1e-15);
      }
    }
  }

  @Test
  void noTargetGivesNoNeighbour() {
    DistanceTransform dt = DistanceTransform.of(new boolean[6], 2, 3);
    assertEquals(-1, dt.nearest(4));
    assertEquals(Double.POSITIVE_INFINITY, dt.distance(4));
  }
}
