package org.tfseg.graph;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;

/**
 * Finite-difference check of TF's analytic gradients for a layer or loss: builds {@code L = Σ
 * w·f(x)} (accumulated in float64 so the difference quotient is not drowned by float32 rounding),
 * then compares ∂L/∂x and ∂L/∂θ for every weight θ of the layer against central differences at
 * sampled coordinates. Weights are perturbed by feeding their read ({@code Identity}) outputs,
 * which is also what the layers consume.
 */
public final class GradientCheck {
  private final Shape inputShape;
  private final BiFunction<Layers, Operand<TFloat32>, Operand<TFloat32>> layer;
  private boolean training = true;
  private double eps = 1e-3;
  private double atol = 2e-3;
  private double rtol = 2e-2;
  private int samples = 12;
  private float inputScale = 1f;
  private float inputOffset = 0f;

  private GradientCheck(
      Shape inputShape, BiFunction<Layers, Operand<TFloat32>, Operand<TFloat32>> layer) {
    this.inputShape = inputShape;
    this.layer = layer;
  }

  public static GradientCheck of(
      Shape inputShape, BiFunction<Layers, Operand<TFloat32>, Operand<TFloat32>> layer) {
    return new GradientCheck(inputShape, layer);
  }

  public GradientCheck inference() {
    this.training = false;
    return this;
  }

  public GradientCheck tolerance(double atol, double rtol) {
    this.atol = atol;
    this.rtol = rtol;
    return this;
  }

  public GradientCheck eps(double eps) {
    this.eps = eps;
    return this;
  }

  /** Inputs drawn uniformly from [offset, offset + scale). */
  public GradientCheck inputs(float offset, float scale) {
    this.inputOffset = offset;
    this.inputScale = scale;
    return this;
  }

  /** Runs the check; returns the number of coordinates compared. */
  public int run() {
    SplittableRandom rnd = new SplittableRandom(7);
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, 3);
      Layers layers = new Layers(tf, store, training, null, null);
      Operand<TFloat32> x =
          tf.placeholder(TFloat32.class, org.tensorflow.op.core.Placeholder.shape(inputShape));
      Operand<TFloat32> y = layer.apply(layers, x);
      double[] w = new double[(int) y.shape().size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = rnd.nextDouble(-1, 1);
      }
      Operand<TFloat64> weights = tf.constant(y.shape(), DataBuffers.of(w, true, false));
      Operand<TFloat64> loss =
          tf.sum(
              tf.math.mul(tf.dtypes.cast(y, TFloat64.class), weights),
              tf.constant(range(y.shape().numDimensions())));
      List<Operand<TFloat32>> wrt = new ArrayList<>();
      wrt.add(x);
      for (ModelVariable v : store.all()) {
        if (v.trainable()) {
          wrt.add(v.value());
        }
      }
      Output<?>[] xs = wrt.stream().map(Operand::asOutput).toArray(Output<?>[]::new);
      Output<?>[] grads = g.addGradients(loss.asOutput(), xs);
      try (Session s = new Session(g)) {
        float[][] values = new float[wrt.size()][];
        values[0] = new float[(int) inputShape.size()];
        for (int i = 0; i < values[0].length; i++) {
          values[0][i] = inputOffset + inputScale * (float) rnd.nextDouble();
        }
        for (int k = 1; k < wrt.size(); k++) {
          values[k] = fetchValues(s, wrt.get(k));
        }
        double[][] analytic = analytic(s, wrt, values, grads);
        int compared = 0;
        for (int k = 0; k < wrt.size(); k++) {
          for (int j = 0; j < samples; j++) {
            int i = rnd.nextInt(values[k].length);
            float orig = values[k][i];
            values[k][i] = (float) (orig + eps);
            double plus = lossValue(s, wrt, values, loss);
            values[k][i] = (float) (orig - eps);
            double minus = lossValue(s, wrt, values, loss);
            values[k][i] = orig;
            double numeric = (plus - minus) / (2 * eps);
            double a = analytic[k][i];
            assertTrue(
                Math.abs(numeric - a) <= atol + rtol * Math.abs(a),
                "gradient mismatch for "
                    + name(k, wrt)
                    + "["
                    + i
                    + "]: analytic "
                    + a
                    + ", numeric "
                    + numeric);
            compared++;
          }
        }
        return compared;
      }
    }
  }

  private static String name(int k, List<Operand<TFloat32>> wrt) {
    return k == 0 ? "input" : wrt.get(k).op().name();
  }

  private static float[] fetchValues(Session s, Operand<TFloat32> op) {
    try (Result r = s.runner().fetch(op).run()) {
      TFloat32 t = (TFloat32) r.get(0);
      float[] out = new float[(int) t.shape().size()];
      t.asRawTensor().data().asFloats().read(out);
      return out;
    }
  }

  private double[][] analytic(
      Session s, List<Operand<TFloat32>> wrt, float[][] values, Output<?>[] grads) {
    List<TFloat32> feeds = new ArrayList<>();
    try {
      Session.Runner runner = s.runner();
      for (int k = 0; k < wrt.size(); k++) {
        TFloat32 t = tensor(shapeOf(wrt.get(k), k), values[k]);
        feeds.add(t);
        runner.feed(wrt.get(k), t);
      }
      for (Output<?> gr : grads) {
        runner.fetch(gr);
      }
      try (Result r = runner.run()) {
        double[][] out = new double[grads.length][];
        for (int k = 0; k < grads.length; k++) {
          TFloat32 t = (TFloat32) r.get(k);
          float[] f = new float[(int) t.shape().size()];
          t.asRawTensor().data().asFloats().read(f);
          out[k] = new double[f.length];
          for (int i = 0; i < f.length; i++) {
            out[k][i] = f[i];
          }
        }
        return out;
      }
    } finally {
      feeds.forEach(Tensor::close);
    }
  }

  private double lossValue(
      Session s, List<Operand<TFloat32>> wrt, float[][] values, Operand<TFloat64> loss) {
    List<TFloat32> feeds = new ArrayList<>();
    try {
      Session.Runner runner = s.runner();
      for (int k = 0; k < wrt.size(); k++) {
        TFloat32 t = tensor(shapeOf(wrt.get(k), k), values[k]);
        feeds.add(t);
        runner.feed(wrt.get(k), t);
      }
      try (Result r = runner.fetch(loss).run()) {
        return ((TFloat64) r.get(0)).getDouble();
      }
    } finally {
      feeds.forEach(Tensor::close);
    }
  }

  private Shape shapeOf(Operand<TFloat32> op, int k) {
    return k == 0 ? inputShape : op.shape();
  }

  private static TFloat32 tensor(Shape shape, float[] values) {
    return TFloat32.tensorOf(shape, DataBuffers.of(values, true, false));
  }

  private static int[] range(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }
}
