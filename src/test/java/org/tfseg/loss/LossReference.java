package org.tfseg.loss;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * Float64 reference implementations of the losses, written independently of the graph code (SSIM in
 * the {@code pytorch_ssim} form: ((2μxμy + C1)(2σxy + C2)) / ((μx² + μy² + C1)(σx² + σy² + C2))),
 * and small helpers to evaluate graph ops. Arrays are NHWC, flattened.
 */
final class LossReference {
  private LossReference() {}

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  static double[] sigmoid(float[] logits) {
    double[] p = new double[logits.length];
    for (int i = 0; i < p.length; i++) {
      p[i] = sigmoid(logits[i]);
    }
    return p;
  }

  /** Mean binary cross-entropy −(y·log p + (1 − y)·log(1 − p)) over all elements. */
  static double bce(float[] logits, float[] targets) {
    double sum = 0;
    for (int i = 0; i < logits.length; i++) {
      double p = sigmoid(logits[i]);
      sum -= targets[i] * Math.log(p) + (1 - targets[i]) * Math.log(1 - p);
    }
    return sum / logits.length;
  }

  /** Per-image IoU (Σpy + s) / (Σp + Σy − Σpy + s). */
  static double[] iou(double[] p, float[] y, int n, double smooth) {
    int per = p.length / n;
    double[] out = new double[n];
    for (int b = 0; b < n; b++) {
      double inter = 0;
      double sp = 0;
      double sy = 0;
      for (int i = b * per; i < (b + 1) * per; i++) {
        inter += p[i] * y[i];
        sp += p[i];
        sy += y[i];
      }
      out[b] = (inter + smooth) / (sp + sy - inter + smooth);
    }
    return out;
  }

  /** Per-image SSIM with an 11×11 Gaussian window (σ 1.5), VALID or zero-padded SAME. */
  static double[] ssim(double[] x, double[] y, int n, int h, int w, int c, Ssim.Padding padding) {
    double[] g = new double[11];
    double total = 0;
    for (int i = 0; i < 11; i++) {
      g[i] = Math.exp(-(i - 5) * (i - 5) / (2 * 1.5 * 1.5));
      total += g[i];
    }
    double c1 = 1e-4;
    double c2 = 9e-4;
    int half = padding == Ssim.Padding.SAME ? 5 : 0;
    int outH = padding == Ssim.Padding.SAME ? h : h - 10;
    int outW = padding == Ssim.Padding.SAME ? w : w - 10;
    double[] result = new double[n];
    for (int b = 0; b < n; b++) {
      double sum = 0;
      for (int oy = 0; oy < outH; oy++) {
        for (int ox = 0; ox < outW; ox++) {
          for (int ch = 0; ch < c; ch++) {
            double mx = 0;
            double my = 0;
            double xx = 0;
            double yy = 0;
            double xy = 0;
            for (int i = 0; i < 11; i++) {
              for (int j = 0; j < 11; j++) {
                int r = oy + i - half;
                int q = ox + j - half;
                if (r < 0 || r >= h || q < 0 || q >= w) {
                  continue;
                }
                double k = g[i] * g[j] / (total * total);
                int idx = ((b * h + r) * w + q) * c + ch;
                mx += k * x[idx];
                my += k * y[idx];
                xx += k * x[idx] * x[idx];
                yy += k * y[idx] * y[idx];
                xy += k * x[idx] * y[idx];
              }
            }
            double sx = xx - mx * mx;
            double sy = yy - my * my;
            double sxy = xy - mx * my;
            sum +=
                (2 * mx * my + c1) * (2 * sxy + c2) / ((mx * mx + my * my + c1) * (sx + sy + c2));
          }
        }
      }
      result[b] = sum / ((double) outH * outW * c);
    }
    return result;
  }

  static double mean(double[] v) {
    double s = 0;
    for (double d : v) {
      s += d;
    }
    return s / v.length;
  }

  static float[] uniform(SplittableRandom rnd, int size, double lo, double hi) {
    float[] v = new float[size];
    for (int i = 0; i < size; i++) {
      v[i] = (float) rnd.nextDouble(lo, hi);
    }
    return v;
  }

  static double[] toDouble(float[] v) {
    double[] d = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      d[i] = v[i];
    }
    return d;
  }

  static Operand<TFloat32> constant(Ops tf, float[] values, long... shape) {
    return tf.constant(Shape.of(shape), DataBuffers.of(values, true, false));
  }

  /** Builds the op in a fresh graph and returns its value(s) as doubles. */
  static double[] evaluate(Function<Ops, Operand<TFloat32>> op) {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      Operand<TFloat32> out = op.apply(Ops.create(g));
      try (Result r = s.runner().fetch(out).run()) {
        TFloat32 t = (TFloat32) r.get(0);
        float[] f = new float[(int) t.shape().size()];
        t.asRawTensor().data().asFloats().read(f);
        return toDouble(f);
      }
    }
  }
}
