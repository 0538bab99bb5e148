package org.tfseg.sod;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RelaxedBoundaryFTest {
  private static boolean[] square(int h, int w, int r0, int c0, int size) {
    boolean[] b = new boolean[h * w];
    for (int r = r0; r < r0 + size; r++) {
      for (int c = c0; c < c0 + size; c++) {
        b[r * w + c] = true;
      }
    }
    return b;
  }

  @Test
  void boundaryIsTheOneWideInnerRingAndNotTheImageFrame() {
    boolean[] b = RelaxedBoundaryF.boundary(square(5, 5, 1, 1, 3), 5, 5);
    boolean[] ring = square(5, 5, 1, 1, 3);
    ring[12] = false; // centre pixel is interior
    assertArrayEquals(ring, b);
    // a full image has no boundary: outside counts as foreground
    assertArrayEquals(new boolean[9], RelaxedBoundaryF.boundary(square(3, 3, 0, 0, 3), 3, 3));
  }

  @Test
  void shiftsWithinRhoAreForgivenAndLargerOnesAreNot() {
    boolean[] gt = square(30, 30, 10, 10, 8);
    assertEquals(1.0, RelaxedBoundaryF.of(gt, gt, 30, 30, 3), 1e-15);
    assertEquals(1.0, RelaxedBoundaryF.of(square(30, 30, 13, 10, 8), gt, 30, 30, 3), 1e-15);
    // Shifted down by 4 rows: pred ring = rows 14..21, gt ring = rows 10..17 (28 pixels each).
    // Pred row 14 (8 px) is 3 from gt row 17; the side pixels of rows 15..20 (12 px) are at most 3
    // from the gt side columns; row 21 (8 px) is 4 away. So P = 20/28, and R likewise.
    double f4 = RelaxedBoundaryF.of(square(30, 30, 14, 10, 8), gt, 30, 30, 3);
    double p = 20.0 / 28;
    assertEquals(1.3 * p * p / (0.3 * p + p), f4, 1e-15);
    assertEquals(0.0, RelaxedBoundaryF.of(new boolean[900], gt, 30, 30, 3));
  }
}
