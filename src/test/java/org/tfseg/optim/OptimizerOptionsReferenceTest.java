package org.tfseg.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;
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
 * Weight decay, gradient clipping and schedules against a float64 re-implementation of Keras 3's
 * {@code optimizer.apply} (clip the gradients, decay {@code θ ← θ − θ·wd·lr}, update), over 30
 * steps of {@code L = Σ c·(θ − t)²} on three weights named as the layers name them (a kernel, a
 * bias, a BatchNorm gamma), with the learning rate changed after step 12 unless a schedule sets it.
 */
class OptimizerOptionsReferenceTest {
  private static final String[] NAMES = {"conv/kernel", "conv/bias", "bn/gamma"};
  private static final double[][] INIT = {{0.5, -1.2, 2.0, 0.01, -0.3}, {0.3, -0.2}, {1, 1, 1}};
  private static final double[][] TARGET = {{1.0, 1.0, -1.0, 0.0, 0.25}, {0, 0}, {0.5, 2, 1.5}};
  private static final double[][] C = {{1.0, 0.5, 2.0, 10.0, 0.1}, {1, 3}, {1, 1, 1}};
  private static final int STEPS = 30;
  private static final int LR_CHANGE_AT = 12;

  /** One reference update of every weight, given its (clipped) gradient. */
  interface Update {
    void step(double[][] theta, double[][] grad, double lr, int t);
  }

  /** The gradients as the optimizer sees them after clipping. */
  interface Clip {
    double[][] apply(double[][] grad);
  }

  private static final Clip NO_CLIP = g -> g;

  // ---- weight decay ---------------------------------------------------------------------------

  @Test
  void adamWMatchesFloat64Reference() {
    double wd = 0.1;
    OptimizerOptions o = new OptimizerOptions(null, wd, Set.of(), null);
    record(
        "adamw",
        check(
            tf -> new Adam(tf, 0.05, 0.9, 0.999, 1e-7, o),
            0.05,
            null,
            NO_CLIP,
            decay(wd, Set.of()),
            adam(0.9, 0.999, 1e-7)));
  }

  @Test
  void adamWConfigIsAdamWithDecoupledDecay() {
    // Keras 3 AdamW's default weight_decay 0.004, excluding BatchNorm weights and biases
    AdamWConfig config =
        new AdamWConfig(
            0.05,
            null,
            null,
            null,
            null,
            null,
            List.of(WeightGroup.BATCH_NORM, WeightGroup.BIAS),
            null,
            null,
            null);
    assertEquals(0.004, config.weightDecay());
    record(
        "adamw config (exclude batch_norm, bias)",
        check(
            config::build,
            0.05,
            null,
            NO_CLIP,
            decay(0.004, Set.of(WeightGroup.BATCH_NORM, WeightGroup.BIAS)),
            adam(0.9, 0.999, 1e-7)));
  }

  @Test
  void sgdWithWeightDecayMatchesFloat64Reference() {
    double wd = 0.5;
    OptimizerOptions o = new OptimizerOptions(null, wd, Set.of(WeightGroup.BIAS), null);
    record(
        "sgd momentum + wd (exclude bias)",
        check(
            tf -> new Sgd(tf, 0.02, 0.9, false, o),
            0.02,
            null,
            NO_CLIP,
            decay(wd, Set.of(WeightGroup.BIAS)),
            sgd(0.9, false)));
    OptimizerOptions plain = new OptimizerOptions(null, wd, Set.of(), null);
    record(
        "sgd + wd",
        check(
            tf -> new Sgd(tf, 0.02, 0.0, false, plain),
            0.02,
            null,
            NO_CLIP,
            decay(wd, Set.of()),
            sgd(0.0, false)));
  }

  @Test
  void rmsPropWithWeightDecayMatchesFloat64Reference() {
    double wd = 0.2;
    OptimizerOptions o = new OptimizerOptions(null, wd, Set.of(WeightGroup.BATCH_NORM), null);
    record(
        "rmsprop momentum + wd (exclude batch_norm)",
        check(
            tf -> new RmsProp(tf, 0.01, 0.9, 0.5, 1e-7, false, o),
            0.01,
            null,
            NO_CLIP,
            decay(wd, Set.of(WeightGroup.BATCH_NORM)),
            rmsProp(0.9, 0.5, 1e-7)));
  }

  // ---- clipping -------------------------------------------------------------------------------

  @Test
  void clipnormClipsEachGradientByItsNorm() {
    double c = 1.5;
    int[] counts = new int[2];
    Clip clip =
        g -> {
          double[][] out = new double[g.length][];
          for (int k = 0; k < g.length; k++) {
            double n = norm(g[k]);
            counts[n > c ? 0 : 1]++;
            out[k] = scaled(g[k], c / Math.max(n, c));
          }
          return out;
        };
    OptimizerOptions o =
        new OptimizerOptions(
            null, 0, Set.of(), new GradientClipping(GradientClipping.Kind.CLIPNORM, c));
    record(
        "sgd momentum + clipnorm",
        check(tf -> new Sgd(tf, 0.05, 0.5, false, o), 0.05, null, clip, null, sgd(0.5, false)));
    assertTrue(
        counts[0] > 0 && counts[1] > 0,
        "gradients above / below the threshold: " + counts[0] + " / " + counts[1]);
  }

  @Test
  void globalClipnormScalesAllGradientsByOneFactor() {
    double c = 5.0;
    int[] counts = new int[2];
    Clip clip =
        g -> {
          double sq = 0;
          for (double[] v : g) {
            sq += norm(v) * norm(v);
          }
          double n = Math.sqrt(sq);
          counts[n > c ? 0 : 1]++;
          double[][] out = new double[g.length][];
          for (int k = 0; k < g.length; k++) {
            out[k] = scaled(g[k], c * Math.min(1 / n, 1 / c));
          }
          return out;
        };
    OptimizerOptions o =
        new OptimizerOptions(
            null, 0, Set.of(), new GradientClipping(GradientClipping.Kind.GLOBAL_CLIPNORM, c));
    record(
        "sgd momentum + global_clipnorm",
        check(tf -> new Sgd(tf, 0.05, 0.5, false, o), 0.05, null, clip, null, sgd(0.5, false)));
    assertTrue(
        counts[0] > 0 && counts[1] > 0,
        "steps above / below the threshold: " + counts[0] + " / " + counts[1]);
  }

  @Test
  void clipvalueClipsEachElement() {
    double c = 0.5;
    int[] counts = new int[2];
    Clip clip =
        g -> {
          double[][] out = new double[g.length][];
          for (int k = 0; k < g.length; k++) {
            out[k] = new double[g[k].length];
            for (int i = 0; i < g[k].length; i++) {
              counts[Math.abs(g[k][i]) > c ? 0 : 1]++;
              out[k][i] = Math.max(-c, Math.min(c, g[k][i]));
            }
          }
          return out;
        };
    OptimizerOptions o =
        new OptimizerOptions(
            null, 0, Set.of(), new GradientClipping(GradientClipping.Kind.CLIPVALUE, c));
    record(
        "adam + clipvalue",
        check(
            tf -> new Adam(tf, 0.05, 0.9, 0.999, 1e-7, o),
            0.05,
            null,
            clip,
            null,
            adam(0.9, 0.999, 1e-7)));
    assertTrue(
        counts[0] > 0 && counts[1] > 0,
        "elements above / below the threshold: " + counts[0] + " / " + counts[1]);
  }

  @Test
  void clippingComesBeforeTheDecay() {
    // the decay is not clipped: a huge weight decay with a tight clip still decays fully
    double wd = 2.0;
    double c = 0.1;
    OptimizerOptions o =
        new OptimizerOptions(
            null, wd, Set.of(), new GradientClipping(GradientClipping.Kind.GLOBAL_CLIPNORM, c));
    Clip clip =
        g -> {
          double sq = 0;
          for (double[] v : g) {
            sq += norm(v) * norm(v);
          }
          double n = Math.sqrt(sq);
          double[][] out = new double[g.length][];
          for (int k = 0; k < g.length; k++) {
            out[k] = scaled(g[k], c * Math.min(1 / n, 1 / c));
          }
          return out;
        };
    record(
        "sgd + wd + global_clipnorm",
        check(
            tf -> new Sgd(tf, 0.05, 0.0, false, o),
            0.05,
            null,
            clip,
            decay(wd, Set.of()),
            sgd(0.0, false)));
  }

  // ---- schedules ------------------------------------------------------------------------------

  @Test
  void aScheduleSetsTheRateOfEveryStep() {
    // Keras: step t (1-based) runs at schedule(t − 1); warmup 0 → 0.05 over 4 steps, then SGDR
    ScheduleConfig schedule =
        new CosineDecayRestartsConfig(6L, 2.0, 0.5, 0.1, new WarmupConfig(4L, 0.0));
    DoubleUnaryOperator rate =
        s -> {
          if (s < 4) {
            return 0.05 * s / 4;
          }
          double x = s - 4;
          double start = 0;
          double length = 6;
          int i = 0;
          while (x >= start + length) {
            start += length;
            length *= 2;
            i++;
          }
          double f = (x - start) / length;
          return 0.05 * (0.9 * 0.5 * Math.pow(0.5, i) * (1 + Math.cos(Math.PI * f)) + 0.1);
        };
    OptimizerOptions o = new OptimizerOptions(schedule.build(), 0.1, Set.of(), null);
    record(
        "adamw + cosine_decay_restarts + warmup",
        check(
            tf -> new Adam(tf, 0.05, 0.9, 0.999, 1e-7, o),
            0.05,
            rate,
            NO_CLIP,
            decay(0.1, Set.of()),
            adam(0.9, 0.999, 1e-7)));
  }

  // ---- the harness ----------------------------------------------------------------------------

  private static Update decay(double wd, Set<WeightGroup> exclude) {
    return (th, g, lr, t) -> {
      for (int k = 0; k < th.length; k++) {
        if (!excluded(exclude, k)) {
          for (int i = 0; i < th[k].length; i++) {
            th[k][i] -= th[k][i] * wd * lr;
          }
        }
      }
    };
  }

  private static boolean excluded(Set<WeightGroup> exclude, int k) {
    return (exclude.contains(WeightGroup.BIAS) && NAMES[k].endsWith("/bias"))
        || (exclude.contains(WeightGroup.BATCH_NORM) && NAMES[k].endsWith("/gamma"));
  }

  private static Update adam(double b1, double b2, double eps) {
    double[][] m = zerosLike();
    double[][] v = zerosLike();
    return (th, g, lr, t) -> {
      double alpha = lr * Math.sqrt(1 - Math.pow(b2, t)) / (1 - Math.pow(b1, t));
      for (int k = 0; k < th.length; k++) {
        for (int i = 0; i < th[k].length; i++) {
          m[k][i] = b1 * m[k][i] + (1 - b1) * g[k][i];
          v[k][i] = b2 * v[k][i] + (1 - b2) * g[k][i] * g[k][i];
          th[k][i] -= alpha * m[k][i] / (Math.sqrt(v[k][i]) + eps);
        }
      }
    };
  }

  private static Update sgd(double mu, boolean nesterov) {
    double[][] vel = zerosLike();
    return (th, g, lr, t) -> {
      for (int k = 0; k < th.length; k++) {
        for (int i = 0; i < th[k].length; i++) {
          vel[k][i] = mu * vel[k][i] - lr * g[k][i];
          th[k][i] += nesterov ? mu * vel[k][i] - lr * g[k][i] : vel[k][i];
        }
      }
    };
  }

  private static Update rmsProp(double rho, double mu, double eps) {
    double[][] ms = zerosLike();
    double[][] mom = zerosLike();
    return (th, g, lr, t) -> {
      for (int k = 0; k < th.length; k++) {
        for (int i = 0; i < th[k].length; i++) {
          ms[k][i] = rho * ms[k][i] + (1 - rho) * g[k][i] * g[k][i];
          mom[k][i] = mu * mom[k][i] + lr * g[k][i] / Math.sqrt(ms[k][i] + eps);
          th[k][i] -= mom[k][i];
        }
      }
    };
  }

  /**
   * Runs the optimizer and the reference side by side; returns the worst relative deviation of the
   * weights (relative to max(1e-3, |θ|)).
   *
   * @param schedule the reference rate at each 0-based step, or null for a settable rate changed to
   *     a tenth after step 12
   * @param decay the reference weight decay, or null
   */
  private static double check(
      Function<Ops, Optimizer> make,
      double lr0,
      DoubleUnaryOperator schedule,
      Clip clip,
      Update decay,
      Update update) {
    double[][] theta = new double[INIT.length][];
    for (int k = 0; k < INIT.length; k++) {
      theta[k] = INIT[k].clone();
    }
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      VariableStore store = new VariableStore(tf, 1);
      List<ModelVariable> vars = new ArrayList<>();
      Operand<TFloat32> loss = null;
      for (int k = 0; k < INIT.length; k++) {
        float[] init = toFloat(INIT[k]);
        ModelVariable w =
            store.get(NAMES[k], Shape.of(init.length), (t, s, seed) -> t.constant(init), true);
        vars.add(w);
        Operand<TFloat32> diff = tf.math.sub(w.value(), tf.constant(toFloat(TARGET[k])));
        Operand<TFloat32> term =
            tf.sum(tf.math.mul(tf.constant(toFloat(C[k])), tf.math.square(diff)), tf.constant(0));
        loss = loss == null ? term : tf.math.add(loss, term);
      }
      Optimizer opt = make.apply(tf);
      Op step = opt.minimize(loss, vars, List.of());
      try (Session s = new Session(g)) {
        double lr = lr0;
        double worst = 0;
        for (int t = 1; t <= STEPS; t++) {
          if (schedule != null) {
            lr = (float) schedule.applyAsDouble(t - 1);
          } else if (t == LR_CHANGE_AT + 1) {
            lr = lr0 * 0.1;
            opt.setLearningRate(s, lr);
          }
          double[][] grad = new double[theta.length][];
          for (int k = 0; k < theta.length; k++) {
            grad[k] = new double[theta[k].length];
            for (int i = 0; i < theta[k].length; i++) {
              grad[k][i] = 2 * C[k][i] * (theta[k][i] - TARGET[k][i]);
            }
          }
          grad = clip.apply(grad);
          if (decay != null) {
            decay.step(theta, grad, (float) lr, t);
          }
          update.step(theta, grad, (float) lr, t);
          double used;
          try (Result r = s.runner().addTarget(step).fetch(opt.stepLearningRate()).run()) {
            used = ((TFloat32) r.get(0)).getFloat();
          }
          assertEquals((float) lr, used, 0, "learning rate of step " + t);
          assertEquals(
              (float) lr, opt.learningRate(s), 0, "learning-rate variable after step " + t);
          for (int k = 0; k < theta.length; k++) {
            float[] got = fetch(s, vars.get(k).value());
            for (int i = 0; i < got.length; i++) {
              double rel = Math.abs(got[i] - theta[k][i]) / Math.max(1e-2, Math.abs(theta[k][i]));
              worst = Math.max(worst, rel);
            }
          }
        }
        assertEquals(STEPS, opt.iterations(s));
        if (schedule != null) {
          assertThrows(IllegalStateException.class, () -> opt.setLearningRate(s, 0.1));
        }
        assertTrue(worst < 1e-4, "max relative deviation from the float64 reference: " + worst);
        return worst;
      }
    }
  }

  private static void record(String name, double worst) {
    System.out.printf("optimizer %-42s worst relative deviation %.3g%n", name, worst);
  }

  private static double norm(double[] v) {
    double sq = 0;
    for (double x : v) {
      sq += x * x;
    }
    return Math.sqrt(sq);
  }

  private static double[] scaled(double[] v, double factor) {
    double[] out = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * factor;
    }
    return out;
  }

  private static double[][] zerosLike() {
    double[][] z = new double[INIT.length][];
    for (int k = 0; k < INIT.length; k++) {
      z[k] = new double[INIT[k].length];
    }
    return z;
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
