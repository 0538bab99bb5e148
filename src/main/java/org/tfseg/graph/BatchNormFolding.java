package org.tfseg.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;

/**
 * Folds inference-mode BatchNorm into the convolution in front of it, for the serving graph: {@code
 * BN(conv(x, K) + b) = conv(x, K·s) + (b − μ)·s + β} with {@code s = γ / √(σ² + ε)} per output
 * channel, so the served graph is convolution + bias (+ activation), which TF fuses into one
 * kernel.
 *
 * <p>Two passes. A <em>recording</em> folding, given to the plain inference tower's {@link Layers},
 * notes every convolution whose output goes only into a BatchNorm. {@link #applying()} then gives
 * the folding for a second graph built by the same model code: there those convolutions get a bias
 * and those BatchNorm layers vanish (their four variables with them), and {@link #foldedValues}
 * turns the plain model's weights into the folded graph's.
 */
public final class BatchNormFolding {
  /** How a kernel's elements map to output channels. */
  public enum KernelLayout {
    /** Conv2D {@code [kh, kw, in, out]}. */
    CONV,
    /** Conv2DTranspose {@code [kh, kw, out, in]}. */
    TRANSPOSED,
    /** DepthwiseConv2D {@code [kh, kw, in, multiplier]}: output channel {@code in·m + j}. */
    DEPTHWISE
  }

  /** A convolution and the BatchNorm it is folded into. */
  public record Pair(
      String conv,
      String kernel,
      KernelLayout layout,
      boolean convBias,
      String bn,
      float epsilon) {}

  private record Conv(String name, String kernel, KernelLayout layout, boolean bias) {}

  private final boolean recording;
  private final Map<String, Conv> convByOutputOp = new HashMap<>();
  private final Map<String, Pair> pairs = new LinkedHashMap<>();

  /** Each recorded pair's convolution output ops, one per tower. */
  private final Map<String, List<GraphOperation>> outputsByConv = new HashMap<>();

  private final Set<String> refused = new HashSet<>();

  private BatchNormFolding(boolean recording, Map<String, Pair> pairs) {
    this.recording = recording;
    this.pairs.putAll(pairs);
  }

  /** A folding that records the foldable pairs of the towers built with it. */
  public static BatchNormFolding recording() {
    return new BatchNormFolding(true, Map.of());
  }

  /** The folding that applies what this one recorded, for a second graph. */
  public BatchNormFolding applying() {
    return new BatchNormFolding(false, Map.copyOf(pairs()));
  }

  /** The pairs folded: recorded ones whose convolution output feeds nothing but its BatchNorm. */
  public Map<String, Pair> pairs() {
    Map<String, Pair> result = new LinkedHashMap<>();
    for (Pair p : pairs.values()) {
      if (!refused.contains(p.conv())) {
        result.put(p.conv(), p);
      }
    }
    return result;
  }

  /** Whether this folding folds (the second pass) rather than records. */
  public boolean applyingPass() {
    return !recording;
  }

  /** Whether convolution {@code conv} is built with a folded bias (applying pass). */
  boolean foldsConv(String conv) {
    return !recording && pairs.containsKey(conv);
  }

  /** Whether BatchNorm {@code bn} is folded away (applying pass). */
  boolean foldsBatchNorm(String bn) {
    return !recording && pairs.values().stream().anyMatch(p -> p.bn().equals(bn));
  }

  /** Recording pass: {@code y} is convolution {@code name}'s output (after its bias, if any). */
  void convolution(String name, String kernel, KernelLayout layout, boolean bias, Operand<?> y) {
    if (recording) {
      convByOutputOp.put(y.op().name(), new Conv(name, kernel, layout, bias));
    }
  }

  /** Recording pass: BatchNorm {@code name} normalises {@code x}. */
  void batchNorm(String name, Operand<?> x, float epsilon) {
    if (!recording) {
      return;
    }
    Conv c = convByOutputOp.get(x.op().name());
    if (c == null) {
      return;
    }
    Pair p = new Pair(c.name(), c.kernel(), c.layout(), c.bias(), name, epsilon);
    Pair before = pairs.putIfAbsent(c.name(), p);
    if (before != null && !before.equals(p)) {
      refused.add(c.name());
    }
    outputsByConv.computeIfAbsent(c.name(), k -> new ArrayList<>()).add((GraphOperation) x.op());
  }

  /**
   * Marks as refused every pair whose convolution output has another consumer besides its
   * BatchNorm, in any tower; call once every tower is built.
   */
  public void checkConsumers() {
    outputsByConv.forEach(
        (conv, ops) -> {
          if (ops.stream().anyMatch(op -> op.numConsumers(0) != 1)) {
            refused.add(conv);
          }
        });
  }

  /**
   * The folded graph's weights for the folded pairs (each convolution's kernel and bias), from the
   * plain model's {@code values} and kernel {@code shapes}, in float64 then rounded once.
   */
  public Map<String, float[]> foldedValues(Map<String, float[]> values, Map<String, Shape> shapes) {
    Map<String, float[]> folded = new HashMap<>();
    for (Pair p : pairs.values()) {
      float[] gamma = values.get(p.bn() + "/gamma");
      float[] beta = values.get(p.bn() + "/beta");
      float[] mean = values.get(p.bn() + "/moving_mean");
      float[] var = values.get(p.bn() + "/moving_variance");
      float[] bias = p.convBias() ? values.get(p.conv() + "/bias") : null;
      int channels = gamma.length;
      double[] scale = new double[channels];
      float[] foldedBias = new float[channels];
      for (int i = 0; i < channels; i++) {
        scale[i] = gamma[i] / Math.sqrt((double) var[i] + p.epsilon());
        foldedBias[i] = (float) (((bias == null ? 0.0 : bias[i]) - mean[i]) * scale[i] + beta[i]);
      }
      float[] kernel = values.get(p.kernel());
      long[] dims = shapes.get(p.kernel()).asArray();
      float[] foldedKernel = new float[kernel.length];
      for (int i = 0; i < kernel.length; i++) {
        foldedKernel[i] = (float) (kernel[i] * scale[outputChannel(p.layout(), dims, i)]);
      }
      folded.put(p.kernel(), foldedKernel);
      folded.put(p.conv() + "/bias", foldedBias);
    }
    return folded;
  }

  /** The output channel of flat kernel element {@code i} (row-major over {@code dims}). */
  static int outputChannel(KernelLayout layout, long[] dims, int i) {
    return switch (layout) {
      case CONV -> (int) (i % dims[3]);
      case TRANSPOSED -> (int) ((i / dims[3]) % dims[2]);
      case DEPTHWISE -> (int) (i % (dims[2] * dims[3]));
    };
  }
}
