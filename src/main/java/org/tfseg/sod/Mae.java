package org.tfseg.sod;

/** Mean absolute error {@code mean |p − gt|} with gt as 0/1. */
public final class Mae {
  private Mae() {}

  public static double of(double[] pred, boolean[] gt) {
    SodImage.checkSizes(pred, gt);
    double[] err = new double[pred.length];
    for (int i = 0; i < err.length; i++) {
      err[i] = Math.abs(pred[i] - (gt[i] ? 1.0 : 0.0));
    }
    return NumpySum.mean(err);
  }
}
