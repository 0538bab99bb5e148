package org.tfseg.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.VariableStore;

/**
 * Each optimizer against a float64 re-implementation of the Keras update rule, over 30 steps of
 * {@code L = Σ c·(θ − t)²} with the learning rate changed after step 12 (as ReduceLROnPlateau
 * does).
 */
class OptimizerReferenceTest {
  private static final double[] INIT = {0.5, -1.2, 2.0, 0.01, -0.3};
  private static final double[] TARGET = {1.0, 1.0, -1.0, 0.0, 0.25};
  private static final double[] C = {1.0, 0.5, 2.0, 10.0, 0.1};
  private static final int STEPS = 30;
  private static final int LR_CHANGE_AT = 12;

  interface Reference {
    void step(double[] theta, double[] grad, double lr, int t);
  }

  @Test
  void adamMatchesFloat64Reference() {
    double b1 = 0.9, b2 = 0.999, eps = 1e-7;
    double[] m = new double[5], v = new double[5];
    check(
        tf -> new Adam(tf, 0.05, b1, b2, eps),
        0.05,
        (th, g, lr, t) -> {
          for (int i = 0; i < th.length; i++) {
            m[i] = b1 * m[i] + (1 - b1) * g[i];
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
            double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
            th[i] -= alpha * m[i] / (Math.sqrt(v[i]) + eps);
          }
        });
  }

  @Test
  void rmsPropMatchesFloat64Reference() {
    double rho = 0.9, mu = 0.5, eps = 1e-7;
    double[] ms = new double[5], mom = new double[5];
    check(
        tf -> new RmsProp(tf, 0.01, rho, mu, eps, false),
        0.01,
        (th, g, lr, t) -> {
          for (int i = 0; i < th.length; i++) {
            ms[i] = rho * ms[i] + (1 - rho) * g[i] * g[i];
            mom[i] = mu * mom[i] + lr * g[i] / Math.sqrt(ms[i] + eps);
            th[i] -= mom[i];
          }
        });
  }

  @Test
  void sgdMomentumMatchesKerasReference() {
    double mu = 0.9;
    double[] vel = new double[5];
    check(
        tf -> new Sgd(tf, 0.02, mu, false),
        0.02,
        (th, g, lr, t) -> {
          for (int i = 0; i < th.length; i++) {
            vel[i] = mu * vel[i] - lr * g[i];
            th[i] += vel[i];
          }
        });
  }

  @Test
  void sgdNesterovMatchesKerasReference() {
    double mu = 0.8;
    double[] vel = new double[5];
    check(
        tf -> new Sgd(tf, 0.02, mu, true),
        0.02,
        (th, g, lr, t) -> {
          for (int i = 0; i < th.length; i++) {
            vel[i] = mu * vel[i] - lr * g[i];
            th[i] += mu * vel[i] - lr * g[i];
          }
        });
  }

  private static void check(Function<Ops, Optimizer> make, double lr0, Reference ref) {
    double[] theta = INIT.clone();
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, 1);
      float[] init = new float[5];
      for (int i = 0; i < 5; i++) {
        init[i] = (float) INIT[i];
      }
      ModelVariable w = store.get("w", Shape.of(5), (t, s, seed) -> t.constant(init), true);
      Operand<TFloat32> diff = tf.math.sub(w.value(), tf.constant(toFloat(TARGET)));
      Operand<TFloat32> loss =
          tf.sum(tf.math.mul(tf.constant(toFloat(C)), tf.math.square(diff)), tf.constant(0));
      Optimizer opt = make.apply(tf);
      Op step = opt.minimize(loss, List.of(w), List.of());
      try (Session s = new Session(g)) {
        double lr = lr0;
        double maxRel = 0;
        for (int t = 1; t <= STEPS; t++) {
          if (t == LR_CHANGE_AT + 1) {
            lr = lr0 * 0.1;
            opt.setLearningRate(s, lr);
            assertEquals(lr, opt.learningRate(s), 1e-9);
          }
          double[] grad = new double[5];
          for (int i = 0; i < 5; i++) {
            grad[i] = 2 * C[i] * (theta[i] - TARGET[i]);
          }
          ref.step(theta, grad, (float) lr, t);
          s.runner().addTarget(step).run();
          float[] got = fetch(s, w.value());
          for (int i = 0; i < 5; i++) {
            double rel = Math.abs(got[i] - theta[i]) / Math.max(1e-3, Math.abs(theta[i]));
            maxRel = Math.max(maxRel, rel);
          }
        }
        assertEquals(STEPS, opt.iterations(s));
        assertTrue(maxRel < 1e-4, "max relative deviation from the float64 reference: " + maxRel);
      }
    }
  }

  private static float[] fetch(Session s, Operand<TFloat32> x) {
    try (Result r = s.runner().fetch(x).run()) {
      TFloat32 t = (TFloat32) r.get(0);
      float[] out = new float[(int) t.shape().size()];
      t.asRawTensor().data().asFloats().read(out);
      return out;
    }
  }

  private static float[] toFloat(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }
}
