package org.tfseg.loss;

/**
 * Float64 references of the Keras / segmentation_models.pytorch losses, written from their
 * published formulas (in probabilities, as Keras computes them) and independently of the graph
 * code. Logits are {@code [P, C]} row-major; labels {@code [P]} with −1 for void.
 */
final class KerasReference {
  private KerasReference() {}

  static double[] softmax(float[] logits, int p, int c) {
    double[] out = new double[p * c];
    for (int i = 0; i < p; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < c; k++) {
        max = Math.max(max, logits[i * c + k]);
      }
      double sum = 0;
      for (int k = 0; k < c; k++) {
        out[i * c + k] = Math.exp(logits[i * c + k] - max);
        sum += out[i * c + k];
      }
      for (int k = 0; k < c; k++) {
        out[i * c + k] /= sum;
      }
    }
    return out;
  }

  /** {@code t_c} of a pixel: the smoothed one-hot {@code y·(1 − ls) + ls/C}. */
  private static double target(int label, int k, int c, double ls) {
    return (label == k ? 1 - ls : 0) + ls / c;
  }

  /**
   * Keras CategoricalCrossentropy(label_smoothing) on one-hot labels with class_weight (sample
   * weight w[y]) and ignore_class: Σ_valid w·cce / #valid.
   */
  static double sparseCe(float[] logits, float[] labels, int c, double ls, double[] w) {
    return focal(logits, labels, c, 1, 0, ls, w);
  }

  /**
   * Keras categorical_focal_crossentropy: Σ_c α·(1 − p_c)^γ·(−t_c·log p_c), with p clipped to
   * [1e-7, 1 − 1e-7]; class weights and void as {@link #sparseCe}.
   */
  static double focal(
      float[] logits, float[] labels, int c, double alpha, double gamma, double ls, double[] w) {
    int p = labels.length;
    double[] prob = softmax(logits, p, c);
    double sum = 0;
    int valid = 0;
    for (int i = 0; i < p; i++) {
      int y = (int) labels[i];
      if (y < 0) {
        continue;
      }
      valid++;
      double loss = 0;
      for (int k = 0; k < c; k++) {
        double q = Math.min(Math.max(prob[i * c + k], 1e-7), 1 - 1e-7);
        loss += alpha * Math.pow(1 - q, gamma) * -target(y, k, c, ls) * Math.log(q);
      }
      sum += (w == null ? 1 : w[y]) * loss;
    }
    return valid == 0 ? 0 : sum / valid;
  }

  /**
   * Keras binary_focal_crossentropy (from_logits, label_smoothing, apply_class_balancing) in
   * probabilities, times class weights [w_bg, w_fg] of the unsmoothed target; gamma 0 without
   * balancing is binary_crossentropy.
   */
  static double binaryFocal(
      float[] logits,
      float[] targets,
      boolean balance,
      double alpha,
      double gamma,
      double ls,
      double[] w) {
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      double y = targets[i];
      double z = y * (1 - ls) + 0.5 * ls;
      double q = 1 / (1 + Math.exp(-logits[i]));
      double bce = -(z * Math.log(q) + (1 - z) * Math.log(1 - q));
      double pt = z * q + (1 - z) * (1 - q);
      double loss = Math.pow(1 - pt, gamma) * bce;
      if (balance) {
        loss *= z * alpha + (1 - z) * (1 - alpha);
      }
      if (w != null) {
        loss *= w[0] * (1 - y) + w[1] * y;
      }
      sum += loss;
    }
    return sum / logits.length;
  }

  /**
   * SMP TverskyLoss (from_logits, smooth, eps 1e-7, ignore_index): per class over the whole batch,
   * score (I + s) / max(I + α·FP + β·FN + s, eps), loss 1 − score zeroed for a class absent from
   * the targets, then the (weighted) mean. {@code c == 1} is SMP's binary mode on soft targets.
   * With α = β = 1 and I doubled, see {@link #dice}.
   */
  static double tversky(
      float[] logits, float[] targets, int c, double alpha, double beta, double s, double[] w) {
    double[][] sums = sums(logits, targets, c);
    double[] loss = new double[c];
    for (int k = 0; k < c; k++) {
      double i = sums[0][k];
      double fp = sums[1][k] - i;
      double fn = sums[2][k] - i;
      double score = (i + s) / Math.max(i + alpha * fp + beta * fn + s, 1e-7);
      loss[k] = sums[2][k] > 0 ? 1 - score : 0;
    }
    return weightedMean(loss, w);
  }

  /** SMP DiceLoss (multiclass): per class (2I + s) / max(P + Y + s, eps), reduced as Tversky. */
  static double dice(float[] logits, float[] targets, int c, double s, double[] w) {
    double[][] sums = sums(logits, targets, c);
    double[] loss = new double[c];
    for (int k = 0; k < c; k++) {
      double score = (2 * sums[0][k] + s) / Math.max(sums[1][k] + sums[2][k] + s, 1e-7);
      loss[k] = sums[2][k] > 0 ? 1 - score : 0;
    }
    return weightedMean(loss, w);
  }

  private static double weightedMean(double[] loss, double[] w) {
    double num = 0;
    double den = 0;
    for (int k = 0; k < loss.length; k++) {
      double wk = w == null ? 1 : w[k];
      num += wk * loss[k];
      den += wk;
    }
    return num / den;
  }

  /** I, P, Y per class; void pixels (label −1) are zeroed in both prediction and target. */
  private static double[][] sums(float[] logits, float[] targets, int c) {
    int p = targets.length;
    double[][] out = new double[3][Math.max(c, 1)];
    if (c == 1) {
      for (int i = 0; i < p; i++) {
        double q = 1 / (1 + Math.exp(-logits[i]));
        out[0][0] += q * targets[i];
        out[1][0] += q;
        out[2][0] += targets[i];
      }
      return out;
    }
    double[] prob = softmax(logits, p, c);
    for (int i = 0; i < p; i++) {
      int y = (int) targets[i];
      if (y < 0) {
        continue;
      }
      for (int k = 0; k < c; k++) {
        double t = y == k ? 1 : 0;
        out[0][k] += prob[i * c + k] * t;
        out[1][k] += prob[i * c + k];
        out[2][k] += t;
      }
    }
    return out;
  }
}
