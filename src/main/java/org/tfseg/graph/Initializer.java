package org.tfseg.graph;

import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.Scope;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt64;
import org.tensorflow.types.family.TType;

/**
 * Builds a variable's initial value in the graph's init scope. Random initializers use stateless
 * random ops seeded from (experiment seed, hash of the variable name), so the same experiment seed
 * gives the same weights in every JVM, independent of the order in which variables are created.
 *
 * <p>Every initial value reads its seed or fill value through {@link #opaque}, so that TensorFlow
 * cannot constant-fold it: the session's graph optimizer would otherwise evaluate every initializer
 * when it builds the initialization run (all inputs are constants), copy the results of up to 10 MB
 * into Const nodes (serialized, then parsed back) and, for the larger ones, evaluate them once more
 * in the run itself: 7–8 s of BASNet's 20 s initialization. The values are unchanged: the same
 * kernels compute them, once.
 */
@FunctionalInterface
public interface Initializer {
  Operand<TFloat32> build(Ops initTf, Shape shape, long[] seed);

  static Initializer zeros() {
    return constant(0f);
  }

  static Initializer ones() {
    return constant(1f);
  }

  static Initializer constant(float value) {
    return (tf, shape, seed) -> tf.fill(tf.constant(shape), opaque(tf, tf.constant(value)));
  }

  /** Keras {@code GlorotUniform}: U(-l, l), l = sqrt(6 / (fan_in + fan_out)). */
  static Initializer glorotUniform() {
    return (tf, shape, seed) -> {
      long[] fans = fans(shape);
      double limit = Math.sqrt(6.0 / (fans[0] + fans[1]));
      return uniform(tf, shape, seed, -limit, limit);
    };
  }

  /**
   * Keras {@code HeNormal}-like truncated normal is not needed yet; {@code RandomNormal(mean,
   * std)}.
   */
  static Initializer randomNormal(double mean, double stddev) {
    return (tf, shape, seed) -> {
      Operand<TFloat32> n =
          tf.random.statelessRandomNormal(tf.constant(shape), seedOperand(tf, seed));
      return tf.math.add(tf.math.mul(n, tf.constant((float) stddev)), tf.constant((float) mean));
    };
  }

  static Operand<TFloat32> uniform(Ops tf, Shape shape, long[] seed, double low, double high) {
    Operand<TFloat32> u =
        tf.random.statelessRandomUniform(tf.constant(shape), seedOperand(tf, seed));
    return tf.math.add(tf.math.mul(u, tf.constant((float) (high - low))), tf.constant((float) low));
  }

  private static Operand<TInt64> seedOperand(Ops tf, long[] seed) {
    return opaque(tf, tf.constant(seed));
  }

  /**
   * {@code x} passed through an op that TensorFlow's constant folding (grappler's and the session
   * graph optimizer's) leaves alone: {@code Print} with {@code first_n = 0} is stateful, returns
   * its input tensor as is and never prints. Only the value input of an initializer goes through
   * it: its shape input stays a constant, so the variable's static shape is still inferred.
   */
  static <T extends TType> Operand<T> opaque(Ops tf, Operand<T> x) {
    Scope scope = tf.scope();
    return scope
        .opBuilder("Print", "Print")
        .addInput(x.asOutput())
        .addInputList(new Output<?>[0])
        .setAttr("first_n", 0L)
        .build()
        .output(0);
  }

  /**
   * Keras {@code compute_fans}: for a conv kernel {@code [kh, kw, a, b]} fan_in = kh·kw·a and
   * fan_out = kh·kw·b; for a matrix {@code [a, b]} fan_in = a, fan_out = b.
   */
  static long[] fans(Shape shape) {
    int rank = shape.numDimensions();
    if (rank < 1) {
      return new long[] {1, 1};
    }
    if (rank == 1) {
      return new long[] {shape.get(0), shape.get(0)};
    }
    long receptive = 1;
    for (int i = 0; i < rank - 2; i++) {
      receptive *= shape.get(i);
    }
    return new long[] {shape.get(rank - 2) * receptive, shape.get(rank - 1) * receptive};
  }
}
