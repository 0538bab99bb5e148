package org.tfseg.graph;

import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.op.nn.FusedBatchNorm;
import org.tensorflow.proto.DataType;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;
import org.tfseg.graph.BatchNormFolding.KernelLayout;

/**
 * The layer toolkit: Keras layers as functions over TF ops, NHWC, float32. One {@code Layers} is
 * one tower: the training tower ({@code training = true}: batch statistics, dropout active,
 * moving-average updates collected in {@link #updateOps()}) or the inference tower (moving
 * statistics, no dropout). Towers built from the same {@link VariableStore} share weights. Every
 * layer takes a hierarchical name; its weights are {@code name/kernel}, {@code name/bias}, {@code
 * name/gamma}, … (Keras weight names), and it adds a row to the summary if one is kept.
 */
public final class Layers {
  /** Keras {@code BatchNormalization} defaults. */
  public static final float BN_MOMENTUM = 0.99f;

  public static final float BN_EPSILON = 1e-3f;

  private final Ops tf;
  private final VariableStore store;
  private final boolean training;
  private final List<Op> updateOps;
  private final List<SummaryRow> summary;
  private final Operand<TInt64> randomStep;

  /** Momentum of every BatchNorm when set; else each layer's own (Keras') default. */
  private final Float bnMomentum;

  /** Epsilon of the BatchNorm layers that do not name their own. */
  private final float bnEpsilon;

  /** The layers' compute type (the variables are float32 in every policy). */
  private final Precision precision;

  /** Batch statistics of a replica of a split batch; null for a tower on its whole batch. */
  private final ReplicaBatchNorm replicaBatchNorm;

  /** BatchNorm folding of a serving tower (recording or applying); null: none. */
  private final BatchNormFolding folding;

  /**
   * @param randomStep a scalar that changes every training step (the optimizer's iteration
   *     counter): it seeds dropout masks so they differ per step yet are reproducible; may be null
   *     for the inference tower
   * @param summary rows are appended here if non-null
   */
  public Layers(
      Ops tf,
      VariableStore store,
      boolean training,
      Operand<TInt64> randomStep,
      List<SummaryRow> summary) {
    this(tf, store, training, randomStep, summary, Precision.FLOAT32);
  }

  /**
   * A tower computing under a Keras mixed-precision policy: layer inputs and weights are cast to
   * {@link Precision#computeType()} where a layer reads them; BatchNorm keeps float32 parameters
   * and statistics (FusedBatchNorm's float32 scale/offset/mean/variance with low-type activations).
   */
  public Layers(
      Ops tf,
      VariableStore store,
      boolean training,
      Operand<TInt64> randomStep,
      List<SummaryRow> summary,
      Precision precision) {
    this.precision = precision;
    this.tf = tf;
    this.store = store;
    this.training = training;
    this.randomStep = randomStep;
    this.summary = summary;
    this.updateOps = new ArrayList<>();
    this.bnMomentum = null;
    this.bnEpsilon = BN_EPSILON;
    this.replicaBatchNorm = null;
    this.folding = null;
  }

  private Layers(
      Layers base,
      Float bnMomentum,
      float bnEpsilon,
      ReplicaBatchNorm replicaBatchNorm,
      BatchNormFolding folding) {
    this.tf = base.tf;
    this.store = base.store;
    this.training = base.training;
    this.randomStep = base.randomStep;
    this.summary = base.summary;
    this.updateOps = base.updateOps;
    this.bnMomentum = bnMomentum;
    this.bnEpsilon = bnEpsilon;
    this.precision = base.precision;
    this.replicaBatchNorm = replicaBatchNorm;
    this.folding = folding;
  }

  /**
   * The same tower with other BatchNorm settings: {@code momentum} (null: each layer's default) for
   * every BatchNorm, {@code epsilon} (null: Keras' 1e-3) for those that do not name their own
   * (pretrained encoders keep the epsilon their weights were trained with).
   */
  public Layers withBatchNorm(Double momentum, Double epsilon) {
    return new Layers(
        this,
        momentum == null ? bnMomentum : Float.valueOf(momentum.floatValue()),
        epsilon == null ? bnEpsilon : epsilon.floatValue(),
        replicaBatchNorm,
        folding);
  }

  /** The same training tower as one replica of a split batch, its BatchNorm layers {@code bn}'s. */
  public Layers withReplicaBatchNorm(ReplicaBatchNorm bn) {
    return new Layers(this, bnMomentum, bnEpsilon, bn, folding);
  }

  /** The same inference tower with its BatchNorm layers recorded for, or folded by, {@code f}. */
  public Layers withFolding(BatchNormFolding f) {
    if (training) {
      throw new IllegalStateException("BatchNorm folding is for an inference tower");
    }
    return new Layers(this, bnMomentum, bnEpsilon, replicaBatchNorm, f);
  }

  public Ops tf() {
    return tf;
  }

  public VariableStore store() {
    return store;
  }

  public boolean training() {
    return training;
  }

  /** Moving-average updates of the BatchNorm layers of a training tower, to run with each step. */
  public List<Op> updateOps() {
    return updateOps;
  }

  // ---- convolutions -------------------------------------------------------------------------

  /**
   * Keras {@code Conv2D}. A dilation above 1 is computed as space-to-batch → VALID conv →
   * batch-to-space (as {@code tf.nn.atrous_conv2d}): the native {@code dilations} attribute has a
   * wrong gradient in TF's C++ registry and aborts the JVM with VALID padding under oneDNN.
   */
  public Operand<TFloat32> conv2d(String name, Operand<TFloat32> x, ConvSpec spec) {
    long inC = channels(x);
    long before = store.parameterCount();
    ModelVariable kernel =
        store.get(
            name + "/kernel",
            Shape.of(spec.kernelH(), spec.kernelW(), inC, spec.filters()),
            spec.kernelInit(),
            true);
    Ops t = ops(name);
    x = compute(t, x);
    Operand<TFloat32> k = like(t, kernel.value(), x);
    Operand<TFloat32> y;
    if (spec.dilation() == 1) {
      y = t.nn.conv2d(x, k, strides(spec.stride()), spec.padding().name());
    } else {
      y = atrous(t, x, k, spec);
    }
    y = folded(name, name + "/kernel", KernelLayout.CONV, t, y, spec.filters(), spec.useBias());
    return record(name, "Conv2D", y, before);
  }

  private Operand<TFloat32> atrous(
      Ops t, Operand<TFloat32> x, Operand<TFloat32> kernel, ConvSpec spec) {
    int r = spec.dilation();
    int[] kernelSize = {spec.kernelH(), spec.kernelW()};
    int[][] paddings = new int[2][2];
    int[][] crops = new int[2][2];
    for (int i = 0; i < 2; i++) {
      long dim = x.shape().get(i + 1);
      if (dim < 0) {
        throw new IllegalArgumentException("dilated conv needs a static spatial size");
      }
      int start = 0;
      int end = 0;
      if (spec.padding() == ConvSpec.Padding.SAME) {
        int total = (kernelSize[i] - 1) * r;
        start = total / 2;
        end = total - start;
      }
      long full = dim + start + end;
      int extra = (int) ((r - full % r) % r);
      paddings[i] = new int[] {start, end + extra};
      crops[i] = new int[] {0, extra};
    }
    Operand<TInt32> block = t.constant(new int[] {r, r});
    Operand<TFloat32> s2b = t.spaceToBatchNd(x, block, t.constant(paddings));
    Operand<TFloat32> conv = t.nn.conv2d(s2b, kernel, strides(1), "VALID");
    return t.batchToSpaceNd(conv, block, t.constant(crops));
  }

  /**
   * Keras {@code Conv2DTranspose}: kernel {@code [kh, kw, filters, in]}; output size {@code H·s}
   * for {@code same}, {@code H·s + max(k − s, 0)} for {@code valid}.
   */
  public Operand<TFloat32> convTranspose(String name, Operand<TFloat32> x, ConvSpec spec) {
    if (spec.dilation() != 1) {
      throw new IllegalArgumentException("dilated transposed conv is not supported");
    }
    long inC = channels(x);
    long before = store.parameterCount();
    ModelVariable kernel =
        store.get(
            name + "/kernel",
            Shape.of(spec.kernelH(), spec.kernelW(), spec.filters(), inC),
            spec.kernelInit(),
            true);
    Ops t = ops(name);
    int s = spec.stride();
    int[] out = new int[2];
    int[] k = {spec.kernelH(), spec.kernelW()};
    for (int i = 0; i < 2; i++) {
      long dim = x.shape().get(i + 1);
      out[i] =
          spec.padding() == ConvSpec.Padding.SAME
              ? (int) (dim * s)
              : (int) (dim * s + Math.max(k[i] - s, 0));
    }
    Operand<TInt32> batch =
        t.slice(t.shape(x), t.constant(new int[] {0}), t.constant(new int[] {1}));
    Operand<TInt32> outShape =
        t.concat(
            List.of(batch, t.constant(new int[] {out[0], out[1], spec.filters()})), t.constant(0));
    x = compute(t, x);
    Operand<TFloat32> y =
        t.nn.conv2dBackpropInput(
            outShape, like(t, kernel.value(), x), x, strides(s), spec.padding().name());
    // Static shape for the layers that follow (EnsureShape has no C++ gradient; Reshape has).
    y = t.reshape(y, t.constant(new int[] {-1, out[0], out[1], spec.filters()}));
    y =
        folded(
            name, name + "/kernel", KernelLayout.TRANSPOSED, t, y, spec.filters(), spec.useBias());
    return record(name, "Conv2DTranspose", y, before);
  }

  /** Keras {@code DepthwiseConv2D} with depth multiplier {@code multiplier}. */
  public Operand<TFloat32> depthwiseConv(
      String name,
      Operand<TFloat32> x,
      int kernel,
      int stride,
      ConvSpec.Padding padding,
      int multiplier,
      boolean useBias) {
    long inC = channels(x);
    long before = store.parameterCount();
    ModelVariable k =
        store.get(
            name + "/depthwise_kernel",
            Shape.of(kernel, kernel, inC, multiplier),
            Initializer.glorotUniform(),
            true);
    Ops t = ops(name);
    x = compute(t, x);
    Operand<TFloat32> y =
        t.nn.depthwiseConv2dNative(x, like(t, k.value(), x), strides(stride), padding.name());
    y =
        folded(
            name,
            name + "/depthwise_kernel",
            KernelLayout.DEPTHWISE,
            t,
            y,
            inC * multiplier,
            useBias);
    return record(name, "DepthwiseConv2D", y, before);
  }

  /**
   * A convolution's bias, also when it has none but its BatchNorm is folded into it; tells the
   * folding about the convolution.
   */
  private Operand<TFloat32> folded(
      String name,
      String kernel,
      KernelLayout layout,
      Ops t,
      Operand<TFloat32> y,
      long channels,
      boolean useBias) {
    boolean fold = folding != null && folding.foldsConv(name);
    Operand<TFloat32> out = maybeBias(name, t, y, channels, useBias || fold);
    if (folding != null) {
      folding.convolution(name, kernel, layout, useBias, out);
    }
    return out;
  }

  private Operand<TFloat32> maybeBias(
      String name, Ops t, Operand<TFloat32> y, long channels, boolean useBias) {
    if (!useBias) {
      return y;
    }
    ModelVariable bias = store.get(name + "/bias", Shape.of(channels), Initializer.zeros(), true);
    return t.nn.biasAdd(y, like(t, bias.value(), y));
  }

  // ---- normalisation ------------------------------------------------------------------------

  /**
   * Keras {@code BatchNormalization()} with this tower's settings (momentum 0.99, epsilon 1e-3).
   */
  public Operand<TFloat32> batchNorm(String name, Operand<TFloat32> x) {
    return batchNorm(name, x, BN_MOMENTUM, bnEpsilon);
  }

  /**
   * Keras {@code BatchNormalization} (axis −1). Training tower: normalises with the batch
   * statistics and queues {@code moving = moving − (moving − batch)·(1 − momentum)}; inference
   * tower, or a frozen layer: normalises with the moving statistics (Keras sets BN of a frozen
   * model to inference mode).
   */
  public Operand<TFloat32> batchNorm(
      String name, Operand<TFloat32> x, float layerMomentum, float epsilon) {
    float momentum = bnMomentum != null ? bnMomentum : layerMomentum;
    long c = channels(x);
    long before = store.parameterCount();
    if (folding != null) {
      if (folding.foldsBatchNorm(name)) {
        return record(name, "BatchNormalization", x, before);
      }
      folding.batchNorm(name, x, epsilon);
    }
    Shape shape = Shape.of(c);
    ModelVariable gamma = store.get(name + "/gamma", shape, Initializer.ones(), true);
    ModelVariable beta = store.get(name + "/beta", shape, Initializer.zeros(), true);
    ModelVariable mean = store.get(name + "/moving_mean", shape, Initializer.zeros(), false);
    ModelVariable var = store.get(name + "/moving_variance", shape, Initializer.ones(), false);
    Ops t = ops(name);
    boolean batchStats = training && gamma.trainable();
    Operand<TFloat32> y;
    if (batchStats && replicaBatchNorm != null) {
      y = replicaBatchNorm.normalize(t, name, x, gamma, beta, mean, var, momentum, epsilon);
    } else if (batchStats) {
      FusedBatchNorm<TFloat32, TFloat32> bn = batchStatistics(t, x, gamma, beta, epsilon);
      y = bn.y();
      Operand<TFloat32> decay = t.constant(1f - momentum);
      updateOps.add(
          t.assignSub(
              mean.variable(),
              t.math.mul(t.math.sub(mean.value(), t.stopGradient(bn.batchMean())), decay)));
      updateOps.add(
          t.assignSub(
              var.variable(),
              t.math.mul(t.math.sub(var.value(), t.stopGradient(bn.batchVariance())), decay)));
    } else {
      y =
          t.nn
              .fusedBatchNorm(
                  x,
                  gamma.value(),
                  beta.value(),
                  mean.value(),
                  var.value(),
                  FusedBatchNorm.epsilon(epsilon),
                  FusedBatchNorm.isTraining(false))
              .y();
    }
    return record(name, "BatchNormalization", y, before);
  }

  /** Training-mode FusedBatchNorm: normalises {@code x} with its own batch statistics. */
  public static FusedBatchNorm<TFloat32, TFloat32> batchStatistics(
      Ops t, Operand<TFloat32> x, ModelVariable gamma, ModelVariable beta, float epsilon) {
    Operand<TFloat32> empty = t.constant(new float[0]);
    return t.nn.fusedBatchNorm(
        x,
        gamma.value(),
        beta.value(),
        empty,
        empty,
        FusedBatchNorm.epsilon(epsilon),
        FusedBatchNorm.isTraining(true));
  }

  // ---- activations and element-wise ---------------------------------------------------------

  public Operand<TFloat32> relu(String name, Operand<TFloat32> x) {
    return record(name, "ReLU", ops(name).nn.relu(x), store.parameterCount());
  }

  public Operand<TFloat32> relu6(String name, Operand<TFloat32> x) {
    return record(name, "ReLU", ops(name).nn.relu6(x), store.parameterCount());
  }

  public Operand<TFloat32> sigmoid(String name, Operand<TFloat32> x) {
    return record(name, "Activation", ops(name).math.sigmoid(x), store.parameterCount());
  }

  public Operand<TFloat32> add(String name, Operand<TFloat32> a, Operand<TFloat32> b) {
    Ops t = ops(name);
    return record(name, "Add", t.math.add(compute(t, a), compute(t, b)), store.parameterCount());
  }

  /** Keras {@code Concatenate} on the channel axis. */
  public Operand<TFloat32> concat(String name, List<Operand<TFloat32>> xs) {
    Ops t = ops(name);
    List<Operand<TFloat32>> same = xs.stream().map(x -> compute(t, x)).toList();
    return record(name, "Concatenate", t.concat(same, t.constant(3)), store.parameterCount());
  }

  /**
   * Keras {@code Dropout}: in the training tower keeps each value with probability 1 − rate and
   * scales by 1/(1 − rate); identity in the inference tower. Masks come from a stateless random op
   * seeded by (layer-name hash, training step), so runs are reproducible and resumable.
   */
  public Operand<TFloat32> dropout(String name, Operand<TFloat32> x, double rate) {
    Ops t = ops(name);
    Operand<TFloat32> y = x;
    if (training && rate > 0) {
      Operand<TInt64> step = randomStep != null ? randomStep : t.constant(0L);
      Operand<TInt64> seed = t.stack(List.of(t.constant(VariableStore.nameHash(name)), step));
      Operand<TFloat32> u = t.random.statelessRandomUniform(t.shape(x), seed);
      Operand<TFloat32> keep =
          t.dtypes.cast(t.math.greaterEqual(u, t.constant((float) rate)), TFloat32.class);
      y = t.math.mul(x, like(t, t.math.mul(keep, t.constant((float) (1.0 / (1.0 - rate)))), x));
    }
    return record(name, "Dropout", y, store.parameterCount());
  }

  // ---- pooling, padding and resizing --------------------------------------------------------

  /** Keras {@code MaxPooling2D(pool)} with strides = pool and {@code valid} padding. */
  public Operand<TFloat32> maxPool(String name, Operand<TFloat32> x, int pool) {
    return maxPool(name, x, pool, pool, ConvSpec.Padding.VALID);
  }

  public Operand<TFloat32> maxPool(
      String name, Operand<TFloat32> x, int pool, int stride, ConvSpec.Padding padding) {
    Ops t = ops(name);
    Operand<TFloat32> y =
        t.nn.maxPool(
            x,
            t.constant(new int[] {1, pool, pool, 1}),
            t.constant(new int[] {1, stride, stride, 1}),
            padding.name());
    return record(name, "MaxPooling2D", y, store.parameterCount());
  }

  /** Keras {@code ZeroPadding2D(((top, bottom), (left, right)))}. */
  public Operand<TFloat32> zeroPad(
      String name, Operand<TFloat32> x, int top, int bottom, int left, int right) {
    Ops t = ops(name);
    Operand<TFloat32> y =
        t.pad(
            x,
            t.constant(new int[][] {{0, 0}, {top, bottom}, {left, right}, {0, 0}}),
            like(t, t.constant(0f), x));
    return record(name, "ZeroPadding2D", y, store.parameterCount());
  }

  /**
   * Keras {@code UpSampling2D(size=factor, interpolation="bilinear")}, which is {@code
   * tf.image.resize(..., "bilinear")}: half-pixel centres, no corner alignment.
   */
  public Operand<TFloat32> upsampleBilinear(String name, Operand<TFloat32> x, int factor) {
    long h = x.shape().get(1);
    long w = x.shape().get(2);
    return record(
        name,
        "UpSampling2D",
        resize(ops(name), x, (int) (h * factor), (int) (w * factor)),
        store.parameterCount());
  }

  /** Bilinear resize to a fixed size, {@code tf.image.resize} semantics. */
  public Operand<TFloat32> resizeBilinear(String name, Operand<TFloat32> x, int height, int width) {
    return record(name, "Resizing", resize(ops(name), x, height, width), store.parameterCount());
  }

  /** ResizeBilinear outputs float32 whatever its input; the result is cast back to x's type. */
  static Operand<TFloat32> resize(Ops t, Operand<TFloat32> x, int height, int width) {
    return like(
        t,
        t.image.resizeBilinear(
            x, t.constant(new int[] {height, width}), ResizeBilinear.halfPixelCenters(true)),
        x);
  }

  // ---- helpers ------------------------------------------------------------------------------

  public Precision precision() {
    return precision;
  }

  /**
   * {@code x} in this tower's compute type (a float32 activation entering a layer is cast, as a
   * Keras layer casts its inputs to its policy's compute dtype).
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public Operand<TFloat32> compute(Ops t, Operand<TFloat32> x) {
    if (!precision.mixed()
        || x.asOutput().dataType() != DataType.DT_FLOAT
        || x.asOutput().dataType() == precision.computeDataType()) {
      return x;
    }
    return (Operand<TFloat32>) (Operand) t.dtypes.cast(x, (Class) precision.computeType());
  }

  /** {@code x} cast to the type of {@code like} (itself when they agree). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  static Operand<TFloat32> like(Ops t, Operand<TFloat32> x, Operand<?> like) {
    if (x.asOutput().dataType() == like.asOutput().dataType()) {
      return x;
    }
    Class<?> type =
        switch (like.asOutput().dataType()) {
          case DT_BFLOAT16 -> org.tensorflow.types.TBfloat16.class;
          case DT_HALF -> org.tensorflow.types.TFloat16.class;
          default -> TFloat32.class;
        };
    return (Operand<TFloat32>) (Operand) t.dtypes.cast(x, (Class) type);
  }

  /** A float32 view of a possibly low-type tensor: model outputs, before heads and losses. */
  public static Operand<TFloat32> toFloat(Ops t, Operand<TFloat32> x) {
    if (x.asOutput().dataType() == DataType.DT_FLOAT) {
      return x;
    }
    return t.dtypes.cast(x, TFloat32.class);
  }

  /** Records a summary row for a weightless op the model computes itself (e.g. an input). */
  public Operand<TFloat32> record(
      String name, String type, Operand<TFloat32> y, long paramsBefore) {
    if (summary != null) {
      summary.add(new SummaryRow(name, type, y.shape(), store.parameterCount() - paramsBefore, ""));
    }
    return y;
  }

  private Ops ops(String name) {
    return store.scopes(tf).get(name);
  }

  private static long channels(Operand<TFloat32> x) {
    long c = x.shape().get(x.shape().numDimensions() - 1);
    if (c < 0) {
      throw new IllegalArgumentException("the channel dimension must be static");
    }
    return c;
  }

  private static List<Long> strides(int s) {
    return List.of(1L, (long) s, (long) s, 1L);
  }
}
