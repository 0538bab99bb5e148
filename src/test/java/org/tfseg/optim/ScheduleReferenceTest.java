package org.tfseg.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat64;

/**
 * Each schedule, built into the graph, against a float64 re-implementation of the Keras formula
 * (restarts found by walking the periods, not by Keras' logarithm) over 64 steps that cross the
 * warmup's end, the decay's end and several restarts; plus values worked out by hand.
 */
class ScheduleReferenceTest {
  private static final double LR = 0.1;
  private static final int STEPS = 64;
  private static final WarmupConfig WARMUP = new WarmupConfig(3L, 0.01);

  @Test
  void constant() {
    check("constant", new ConstantScheduleConfig(null), s -> LR);
    check("constant+warmup", new ConstantScheduleConfig(WARMUP), warm(s -> LR));
  }

  @Test
  void piecewiseConstant() {
    List<Long> b = List.of(4L, 10L, 25L);
    List<Double> v = List.of(0.05, 0.02, 0.001);
    DoubleUnaryOperator ref = s -> s <= 4 ? LR : s <= 10 ? 0.05 : s <= 25 ? 0.02 : 0.001;
    check("piecewise", new PiecewiseConstantConfig(b, v, null), ref);
    check("piecewise+warmup", new PiecewiseConstantConfig(b, v, WARMUP), warm(ref));
    // by hand: the boundary step still has the earlier rate
    assertEquals(LR, value(new PiecewiseConstantConfig(b, v, null), 4), 0);
    assertEquals(0.05, value(new PiecewiseConstantConfig(b, v, null), 5), 0);
  }

  @Test
  void exponentialDecay() {
    DoubleUnaryOperator smooth = s -> LR * Math.pow(0.5, s / 10);
    DoubleUnaryOperator stairs = s -> LR * Math.pow(0.5, Math.floor(s / 10));
    check("exponential", new ExponentialDecayConfig(10L, 0.5, false, null), smooth);
    check("exponential+staircase", new ExponentialDecayConfig(10L, 0.5, true, null), stairs);
    check("exponential+warmup", new ExponentialDecayConfig(10L, 0.5, false, WARMUP), warm(smooth));
    assertEquals(LR, value(new ExponentialDecayConfig(10L, 0.5, true, null), 9), 0);
    assertEquals(LR / 2, value(new ExponentialDecayConfig(10L, 0.5, true, null), 10), 1e-17);
  }

  @Test
  void cosineDecay() {
    for (double alpha : new double[] {0.0, 0.1}) {
      DoubleUnaryOperator ref =
          s -> LR * ((1 - alpha) * 0.5 * (1 + Math.cos(Math.PI * Math.min(s, 30) / 30)) + alpha);
      check("cosine alpha=" + alpha, new CosineDecayConfig(30L, alpha, null), ref);
      check("cosine+warmup alpha=" + alpha, new CosineDecayConfig(30L, alpha, WARMUP), warm(ref));
    }
    // by hand: half-way down is the mean of the two ends; after the decay, alpha·lr
    assertEquals(LR * 0.55, value(new CosineDecayConfig(30L, 0.1, null), 15), 1e-16);
    assertEquals(LR * 0.1, value(new CosineDecayConfig(30L, 0.1, null), 40), 1e-16);
    // Keras 3 CosineDecay(0.01, 30, warmup_target=0.1, warmup_steps=3) at step 1: 0.01 + 0.09/3
    assertEquals(0.04, value(new CosineDecayConfig(30L, 0.0, WARMUP), 1), 1e-16);
  }

  @Test
  void cosineDecayRestarts() {
    // {first_decay_steps, t_mul, m_mul, alpha}; with 16 and 1.25, Keras' log formula puts the
    // restart at step 61 (f = 3.8125) one period early even in float64
    double[][] cases = {
      {5, 2, 0.5, 0}, {4, 1.5, 1, 0.1}, {1, 3, 0.8, 0}, {7, 1, 0.9, 0.2}, {16, 1.25, 0.9, 0}
    };
    for (double[] c : cases) {
      long first = (long) c[0];
      CosineDecayRestartsConfig plain =
          new CosineDecayRestartsConfig(first, c[1], c[2], c[3], null);
      CosineDecayRestartsConfig warm =
          new CosineDecayRestartsConfig(first, c[1], c[2], c[3], WARMUP);
      DoubleUnaryOperator ref = s -> restarts(s, first, c[1], c[2], c[3]);
      check("restarts " + java.util.Arrays.toString(c), plain, ref);
      check("restarts+warmup " + java.util.Arrays.toString(c), warm, warm(ref));
    }
    // by hand: first 5, t_mul 2, m_mul 0.5 restarts at 5 (0.5·lr), 15 (0.25·lr) and 35
    CosineDecayRestartsConfig sgdr = new CosineDecayRestartsConfig(5L, 2.0, 0.5, 0.0, null);
    assertEquals(LR * 0.5, value(sgdr, 5), 1e-16);
    assertEquals(LR * 0.25, value(sgdr, 15), 1e-16);
    assertEquals(LR * 0.125, value(sgdr, 35), 1e-16);
    assertEquals(LR * 0.5 * 0.5, value(sgdr, 10), 1e-16); // half-way down period 1
    // t_mul 10 from 1 step: periods start at 1, 11, 111; floor(log(1 + 9·111)/log(10)) is 2, not 3
    CosineDecayRestartsConfig tens = new CosineDecayRestartsConfig(1L, 10.0, 0.8, 0.0, null);
    assertEquals(LR * 0.8 * 0.8 * 0.8, value(tens, 111), 1e-16);
  }

  @Test
  void polynomialDecay() {
    for (boolean cycle : new boolean[] {false, true}) {
      for (double power : new double[] {1.0, 0.5, 2.0}) {
        DoubleUnaryOperator ref = s -> polynomial(s, 12, 0.01, power, cycle);
        String name = "polynomial power=" + power + " cycle=" + cycle;
        check(name, new PolynomialDecayConfig(12L, 0.01, power, cycle, null), ref);
        check(
            name + "+warmup",
            new PolynomialDecayConfig(12L, 0.01, power, cycle, WARMUP),
            warm(ref));
      }
    }
    // by hand: sqrt decay half-way, (0.1 − 0.01)·√0.5 + 0.01; the end; a cycle's start
    PolynomialDecayConfig sqrt = new PolynomialDecayConfig(12L, 0.01, 0.5, false, null);
    assertEquals(0.09 * Math.sqrt(0.5) + 0.01, value(sqrt, 6), 1e-16);
    assertEquals(0.01, value(sqrt, 30), 1e-16);
    PolynomialDecayConfig cycled = new PolynomialDecayConfig(12L, 0.01, 1.0, true, null);
    assertEquals(0.01, value(cycled, 12), 1e-16);
    assertEquals(0.09 * (1 - 13.0 / 24) + 0.01, value(cycled, 13), 1e-16);
  }

  // -------------------------------------------------------------------------------------------
  // float64 references

  /** The reference behind {@link #WARMUP}: a ramp 0.01 → LR over 3 steps, then {@code after}. */
  private static DoubleUnaryOperator warm(DoubleUnaryOperator after) {
    double w = WARMUP.steps();
    double from = WARMUP.startLearningRate();
    return s -> s < w ? from + (LR - from) * s / w : after.applyAsDouble(s - w);
  }

  private static double restarts(double s, long first, double tMul, double mMul, double alpha) {
    double start = 0;
    double length = first;
    int i = 0;
    while (s >= start + length) {
      start += length;
      length *= tMul;
      i++;
    }
    double fraction = (s - start) / length;
    return LR
        * ((1 - alpha) * 0.5 * Math.pow(mMul, i) * (1 + Math.cos(Math.PI * fraction)) + alpha);
  }

  private static double polynomial(double s, long d, double end, double power, boolean cycle) {
    double steps = d;
    if (cycle) {
      steps = d * Math.max(1, Math.ceil(s / d));
    } else {
      s = Math.min(s, d);
    }
    return (LR - end) * Math.pow(1 - s / steps, power) + end;
  }

  // -------------------------------------------------------------------------------------------

  /** The graph's rates at steps 0 … STEPS−1 against {@code ref}; returns the worst deviation. */
  private static double check(String name, ScheduleConfig config, DoubleUnaryOperator ref) {
    double[] got = values(config, STEPS);
    double worst = 0;
    for (int s = 0; s < STEPS; s++) {
      double want = ref.applyAsDouble(s);
      double rel = Math.abs(got[s] - want) / Math.max(Math.abs(want), 1e-12);
      assertTrue(rel < 1e-12, name + " at step " + s + ": " + got[s] + ", reference " + want);
      worst = Math.max(worst, rel);
    }
    System.out.printf("schedule %-40s worst relative deviation %.3g%n", name, worst);
    return worst;
  }

  private static double value(ScheduleConfig config, int step) {
    return values(config, step + 1)[step];
  }

  private static double[] values(ScheduleConfig config, int steps) {
    try (Graph g = new Graph()) {
      Ops tf = Ops.create(g);
      Placeholder<TFloat64> step =
          tf.placeholder(TFloat64.class, Placeholder.shape(Shape.scalar()));
      Operand<TFloat64> rate = config.build().rate(tf, step, LR);
      double[] out = new double[steps];
      try (Session s = new Session(g)) {
        for (int i = 0; i < steps; i++) {
          try (TFloat64 x = TFloat64.scalarOf(i);
              Result r = s.runner().feed(step, x).fetch(rate).run()) {
            out[i] = ((TFloat64) r.get(0)).getDouble();
          }
        }
      }
      return out;
    }
  }
}
