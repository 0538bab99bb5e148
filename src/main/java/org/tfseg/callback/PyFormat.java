package org.tfseg.callback;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Number formatting that reproduces Python's, so logs, progress lines and history files read
 * exactly like their Keras counterparts. Java's {@code String.format} differs in rounding (it
 * rounds the shortest decimal half-up, Python rounds the exact binary value half-even), in
 * infinities ("Infinity" vs "inf") and in exponents ("1.0E-4" vs "0.0001").
 */
final class PyFormat {
  private PyFormat() {}

  /** Python {@code f"{x:.Nf}"}. */
  static String fixed(double x, int decimals) {
    if (!Double.isFinite(x)) {
      return special(x);
    }
    String s = new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).toPlainString();
    return negativeZero(x, s);
  }

  /** Python {@code f"{x:.Ne}"}, e.g. {@code 1.2346e-05}. */
  static String sci(double x, int decimals) {
    if (!Double.isFinite(x)) {
      return special(x);
    }
    if (x == 0) {
      return negativeZero(x, "0" + (decimals > 0 ? "." + "0".repeat(decimals) : "") + "e+00");
    }
    BigDecimal rounded =
        new BigDecimal(x).round(new MathContext(decimals + 1, RoundingMode.HALF_EVEN));
    String digits = rounded.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - rounded.scale();
    // Rounding may leave trailing zeros stripped or extra; normalise to decimals+1 digits.
    if (digits.length() < decimals + 1) {
      digits = digits + "0".repeat(decimals + 1 - digits.length());
    } else if (digits.length() > decimals + 1) {
      digits = digits.substring(0, decimals + 1);
    }
    StringBuilder out = new StringBuilder();
    if (x < 0) {
      out.append('-');
    }
    out.append(digits.charAt(0));
    if (decimals > 0) {
      out.append('.').append(digits, 1, digits.length());
    }
    return out.append(exponentSuffix(exponent)).toString();
  }

  /** Python {@code repr(float)}: shortest round-trip digits, e.g. {@code 0.0001}, {@code 1e-05}. */
  static String repr(double x) {
    if (!Double.isFinite(x)) {
      return Double.isNaN(x) ? "nan" : special(x);
    }
    if (x == 0) {
      return 1 / x < 0 ? "-0.0" : "0.0";
    }
    BigDecimal shortest = shortest(x);
    String digits = shortest.unscaledValue().abs().toString().replaceAll("0+$", "");
    if (digits.isEmpty()) {
      digits = "0";
    }
    int exponent = shortest.precision() - 1 - shortest.scale();
    String sign = x < 0 ? "-" : "";
    if (exponent < -4 || exponent >= 16) {
      String mantissa =
          digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return sign + mantissa + exponentSuffix(exponent);
    }
    String plain = shortest.abs().stripTrailingZeros().toPlainString();
    if (!plain.contains(".")) {
      plain += ".0";
    }
    return sign + plain;
  }

  /** Python {@code "%d" % x} for a non-negative float: truncation toward zero. */
  static String truncated(double x) {
    return Long.toString((long) x);
  }

  private static BigDecimal shortest(double x) {
    for (int precision = 1; precision < 17; precision++) {
      BigDecimal candidate =
          new BigDecimal(x).round(new MathContext(precision, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == x) {
        return candidate;
      }
    }
    return new BigDecimal(x).round(new MathContext(17, RoundingMode.HALF_EVEN));
  }

  private static String exponentSuffix(int exponent) {
    return (exponent < 0 ? "e-" : "e+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
  }

  private static String special(double x) {
    return Double.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
  }

  private static String negativeZero(double x, String s) {
    // Python keeps the sign of a value that rounds to zero: f"{-0.0001:.2f}" == "-0.00".
    return (x < 0 || (x == 0 && 1 / x < 0)) && !s.startsWith("-") ? "-" + s : s;
  }
}
