package org.tfseg.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.SessionFunction;
import org.tensorflow.Signature;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Assign;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Squeeze;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TString;
import org.tensorflow.types.TUint8;
import org.tfseg.UserError;
import org.tfseg.graph.BatchNormFolding;
import org.tfseg.graph.Layers;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.Precision;
import org.tfseg.graph.Tensors;
import org.tfseg.graph.VariableStore;
import org.tfseg.model.Heads;
import org.tfseg.model.SegmentationModel;
import org.tfseg.run.CheckpointCheck;

/**
 * The serving graph: the model's inference tower only (BatchNorm on moving statistics, no dropout,
 * no optimizer state), on a float-image input and on an encoded-image input, with the weights
 * restored from a training checkpoint. This is what {@code eval}/{@code predict} run from a
 * checkpoint; its {@link #folded()} copy, BatchNorm folded into the convolutions, is what {@code
 * export} writes as a SavedModel.
 */
public final class InferenceGraph implements Predictor {
  private final SegmentationModel model;
  private final int height;
  private final int width;
  private final int channels;
  private final long seed;
  private final Precision precision;
  private final BatchNormFolding folding;
  private final VariableStore store;
  private final Graph graph;
  private final Session session;
  private final Placeholder<TFloat32> images;
  private final Operand<TFloat32> probabilities;
  private final Placeholder<TString> imageBytes;
  private final Operand<TFloat32> mask;
  private final EncodedBatch batch;

  public InferenceGraph(SegmentationModel model, int height, int width, int channels, long seed) {
    this(model, height, width, channels, seed, Precision.FLOAT32);
  }

  /**
   * A serving graph computing under {@code precision}, as the model was trained (Keras: a model
   * built under a mixed policy computes in its low type at inference too; weights stay float32).
   */
  public InferenceGraph(
      SegmentationModel model,
      int height,
      int width,
      int channels,
      long seed,
      Precision precision) {
    this(model, height, width, channels, seed, precision, BatchNormFolding.recording());
  }

  private InferenceGraph(
      SegmentationModel model,
      int height,
      int width,
      int channels,
      long seed,
      Precision precision,
      BatchNormFolding folding) {
    this.model = model;
    this.precision = precision;
    this.height = height;
    this.width = width;
    this.channels = channels;
    this.seed = seed;
    this.folding = folding;
    graph = new Graph();
    Ops tf = Ops.create(graph);
    store = new VariableStore(tf, seed);
    images =
        tf.withName(ServingSignatures.IMAGES)
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, height, width, channels)));
    Ops towerTf = tf.withSubScope("eval");
    probabilities = tf.withName(ServingSignatures.PROBABILITIES).identity(tower(towerTf, images));

    imageBytes =
        tf.withName(ServingSignatures.BYTES_INPUT)
            .placeholder(TString.class, Placeholder.shape(Shape.scalar()));
    Ops bytesTf = tf.withSubScope("bytes");
    Operand<TUint8> decoded = EncodedBatch.decodeImage(bytesTf, imageBytes, channels);
    Operand<TInt32> size = EncodedBatch.heightWidth(bytesTf, decoded);
    Operand<TFloat32> x = EncodedBatch.toModelInput(bytesTf, decoded, height, width, channels);
    Operand<TFloat32> p = tower(bytesTf, x);
    Operand<TFloat32> back =
        bytesTf.image.resizeBilinear(p, size, ResizeBilinear.halfPixelCenters(true));
    mask = tf.withName(ServingSignatures.MASK).squeeze(back, Squeeze.axis(List.of(0L)));

    Ops batchTf = tf.withSubScope("batch");
    batch =
        new EncodedBatch(
            tf,
            height,
            width,
            channels,
            (int) probabilities.shape().get(3),
            images -> tower(batchTf, images));
    folding.checkConsumers();
    session = new Session(graph);
  }

  /** The model's inference tower (shared weights) on a float batch → probabilities. */
  private Operand<TFloat32> tower(Ops tf, Operand<TFloat32> x) {
    Layers layers = new Layers(tf, store, false, null, null, precision).withFolding(folding);
    return Heads.probabilities(tf, Layers.toFloat(tf, model.build(layers, x).get(0)));
  }

  /**
   * The same serving graph with every BatchNorm that directly follows a convolution folded into it
   * (see {@link BatchNormFolding}), holding this graph's current weights. Its outputs equal this
   * graph's up to float32 rounding.
   */
  public InferenceGraph folded() {
    Map<String, float[]> values = weights();
    Map<String, Shape> shapes = new HashMap<>();
    store.all().forEach(v -> shapes.put(v.name(), v.shape()));
    BatchNormFolding applying = folding.applying();
    values.putAll(applying.foldedValues(values, shapes));
    InferenceGraph f =
        new InferenceGraph(model, height, width, channels, seed, precision, applying);
    try {
      return f.setWeights(values);
    } catch (RuntimeException e) {
      f.close();
      throw e;
    }
  }

  /** Every weight by variable name (Keras {@code get_weights}, keyed), in one run. */
  public Map<String, float[]> weights() {
    List<ModelVariable> all = store.all();
    Session.Runner runner = session.runner();
    all.forEach(v -> runner.fetch(v.value()));
    Map<String, float[]> values = new LinkedHashMap<>();
    try (Result r = runner.run()) {
      for (int i = 0; i < all.size(); i++) {
        values.put(all.get(i).name(), Tensors.floats((TFloat32) r.get(i)));
      }
    }
    return values;
  }

  /**
   * Sets every weight from {@code values} (by variable name; each must be present and of the
   * variable's size), in one run: every run after new ops are added re-processes the whole graph.
   */
  public InferenceGraph setWeights(Map<String, float[]> values) {
    Ops tf = Ops.create(graph).withSubScope("set_weights");
    List<ModelVariable> all = store.all();
    List<Placeholder<TFloat32>> feeds = new ArrayList<>();
    List<Assign<TFloat32>> assigns = new ArrayList<>();
    for (ModelVariable v : all) {
      float[] value = values.get(v.name());
      if (value == null || value.length != v.size()) {
        throw new IllegalArgumentException(
            "no value of " + v.size() + " floats for weight " + v.name());
      }
      Placeholder<TFloat32> p = tf.placeholder(TFloat32.class, Placeholder.shape(v.shape()));
      feeds.add(p);
      assigns.add(tf.assign(v.variable(), p));
    }
    List<TFloat32> tensors = new ArrayList<>();
    try {
      Session.Runner runner = session.runner();
      for (int i = 0; i < all.size(); i++) {
        TFloat32 t = Tensors.of(all.get(i).shape(), values.get(all.get(i).name()));
        tensors.add(t);
        runner.feed(feeds.get(i), t).addTarget(assigns.get(i));
      }
      runner.run().close();
    } finally {
      tensors.forEach(TFloat32::close);
    }
    return this;
  }

  /** How many BatchNorm layers this graph has folded into convolutions. */
  public int foldedBatchNorms() {
    return folding.applyingPass() ? folding.pairs().size() : 0;
  }

  /** Sets fresh initial weights (as training starts from): for timing, not for predictions. */
  public InferenceGraph initialized() {
    session.initialize();
    return this;
  }

  /**
   * Restores the model weights from a training checkpoint prefix (optimizer slots are ignored).
   *
   * @throws UserError naming the checkpoint if it is damaged or of another model
   */
  public InferenceGraph restore(String checkpointPrefix) {
    if (!Files.exists(Path.of(checkpointPrefix + ".index"))) {
      throw new UserError(
          checkpointPrefix + ": no checkpoint there (expected " + checkpointPrefix + ".index)");
    }
    CheckpointCheck.require(checkpointPrefix, CheckpointCheck.variables(graph));
    try {
      session.restore(checkpointPrefix);
    } catch (TFInvalidArgumentException | TensorFlowException e) {
      throw new UserError(
          checkpointPrefix
              + ": does not fit this experiment's model ("
              + e.getMessage().lines().findFirst().orElse("").trim()
              + "); evaluate with the experiment and --set overrides the run was trained with (see its experiment.json)");
    }
    return this;
  }

  /** Probabilities {@code [N, H, W, C]} for a batch, flattened. */
  @Override
  public float[] predict(TFloat32 batch) {
    try (Result r = session.runner().feed(images, batch).fetch(probabilities).run()) {
      return Tensors.floats((TFloat32) r.get(0));
    }
  }

  @Override
  public Mask predictEncoded(byte[] encoded) {
    try (TString s = TString.tensorOfBytes(NdArrays.scalarOfObject(encoded));
        Result r = session.runner().feed(imageBytes, s).fetch(mask).run()) {
      return Mask.of((TFloat32) r.get(0));
    }
  }

  /**
   * Writes a SavedModel (tag {@code serve}) with the three serving signatures into a new directory.
   */
  public void exportSavedModel(Path dir) {
    if (Files.exists(dir)) {
      throw new UserError(
          dir + ": already exists; refusing to overwrite an export (choose another --out)");
    }
    Signature floats =
        Signature.builder()
            .methodName(ServingSignatures.PREDICT_METHOD)
            .key(ServingSignatures.DEFAULT)
            .input(ServingSignatures.IMAGES, images)
            .output(ServingSignatures.PROBABILITIES, probabilities)
            .build();
    Signature bytes =
        Signature.builder()
            .methodName(ServingSignatures.PREDICT_METHOD)
            .key(ServingSignatures.IMAGE_BYTES)
            .input(ServingSignatures.BYTES_INPUT, imageBytes)
            .output(ServingSignatures.MASK, mask)
            .build();
    Signature bytesBatch =
        Signature.builder()
            .methodName(ServingSignatures.PREDICT_METHOD)
            .key(ServingSignatures.IMAGE_BYTES_BATCH)
            .input(ServingSignatures.BYTES_INPUT, batch.input)
            .output(ServingSignatures.MASK, batch.mask)
            .output(ServingSignatures.SIZE, batch.size)
            .build();
    try {
      SavedModelBundle.exporter(dir.toString())
          .withFunctions(
              SessionFunction.create(floats, session),
              SessionFunction.create(bytes, session),
              SessionFunction.create(bytesBatch, session))
          .export();
    } catch (IOException e) {
      throw new UncheckedIOException("writing the SavedModel to " + dir, e);
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
    batch.close();
  }
}
