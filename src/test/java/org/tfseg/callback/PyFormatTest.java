package org.tfseg.callback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PyFormatTest {
  @Test
  void fixedRoundsTheExactValueHalfEvenLikePython() {
    assertEquals("0.12", PyFormat.fixed(0.125, 2));
    assertEquals("12", PyFormat.fixed(12.5, 0));
    assertEquals("0.30000", PyFormat.fixed(0.30000001, 5));
    assertEquals("inf", PyFormat.fixed(Double.POSITIVE_INFINITY, 5));
    assertEquals("-inf", PyFormat.fixed(Double.NEGATIVE_INFINITY, 5));
  }

  @Test
  void sciUsesTwoDigitExponents() {
    assertEquals("1.2345e-04", PyFormat.sci(0.00012345, 4));
    assertEquals("-1.0000e-05", PyFormat.sci(-0.00001, 4));
    assertEquals("0.0000e+00", PyFormat.sci(0.0, 4));
    assertEquals("9.9999e-05", PyFormat.sci(9.99995e-5, 4));
  }

  @Test
  void reprIsShortestRoundTripWithPythonsNotation() {
    assertEquals("0.30000000000000004", PyFormat.repr(0.1 * 3));
    assertEquals("1e-05", PyFormat.repr(1e-5));
    assertEquals("0.0001", PyFormat.repr(1e-4));
    assertEquals("1e+16", PyFormat.repr(1e16));
    assertEquals("-2.5e-07", PyFormat.repr(-2.5e-7));
    assertEquals("123.0", PyFormat.repr(123.0));
    assertEquals("0.00010000000474974513", PyFormat.repr((double) 0.001f * 0.1));
    assertEquals("nan", PyFormat.repr(Double.NaN));
  }
}
