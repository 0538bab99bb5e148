package org.tfseg.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.image.DecodeImage;
import org.tensorflow.op.image.ResizeBilinear;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TString;
import org.tensorflow.types.TUint8;
import org.tfseg.UserError;
import org.tfseg.graph.Layers;
import org.tfseg.graph.Tensors;
import org.tfseg.graph.VariableStore;
import org.tfseg.model.Heads;
import org.tfseg.model.SegmentationModel;
import org.tfseg.run.CheckpointCheck;

/**
 * The serving graph: the model's inference tower only (BatchNorm on moving statistics, no dropout,
 * no optimizer state), on a float-image input and on an encoded-image input, with the weights
 * restored from a training checkpoint. This is what {@code export} writes as a SavedModel and what
 * {@code eval}/{@code predict} run from a checkpoint.
 */
public final class InferenceGraph implements Predictor {
  private final Graph graph;
  private final Session session;
  private final Placeholder<TFloat32> images;
  private final Operand<TFloat32> probabilities;
  private final Placeholder<TString> imageBytes;
  private final Operand<TFloat32> mask;

  public InferenceGraph(SegmentationModel model, int height, int width, int channels, long seed) {
    graph = new Graph();
    Ops tf = Ops.create(graph);
    VariableStore store = new VariableStore(tf, seed);
    images =
        tf.withName(ServingSignatures.IMAGES)
            .placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, height, width, channels)));
    Ops towerTf = tf.withSubScope("eval");
    probabilities =
        tf.withName(ServingSignatures.PROBABILITIES)
            .identity(
                Heads.probabilities(
                    towerTf,
                    model.build(new Layers(towerTf, store, false, null, null), images).get(0)));

    imageBytes =
        tf.withName(ServingSignatures.BYTES_INPUT)
            .placeholder(TString.class, Placeholder.shape(Shape.scalar()));
    Ops bytesTf = tf.withSubScope("bytes");
    Operand<TUint8> decoded =
        bytesTf.image.decodeImage(
            imageBytes,
            new DecodeImage.Options[] {
              DecodeImage.channels((long) channels), DecodeImage.expandAnimations(false)
            });
    Operand<TInt32> size =
        bytesTf.slice(
            bytesTf.shape(decoded),
            bytesTf.constant(new int[] {0}),
            bytesTf.constant(new int[] {2}));
    Operand<TFloat32> x =
        bytesTf.math.div(bytesTf.dtypes.cast(decoded, TFloat32.class), bytesTf.constant(255f));
    x =
        bytesTf.image.resizeBilinear(
            bytesTf.expandDims(x, bytesTf.constant(0)),
            bytesTf.constant(new int[] {height, width}),
            ResizeBilinear.halfPixelCenters(true));
    x = bytesTf.reshape(x, bytesTf.constant(new int[] {1, height, width, channels}));
    Operand<TFloat32> p =
        Heads.probabilities(
            bytesTf, model.build(new Layers(bytesTf, store, false, null, null), x).get(0));
    Operand<TFloat32> back =
        bytesTf.image.resizeBilinear(p, size, ResizeBilinear.halfPixelCenters(true));
    mask =
        tf.withName(ServingSignatures.MASK)
            .squeeze(back, org.tensorflow.op.core.Squeeze.axis(List.of(0L)));
    session = new Session(graph);
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

  /** Writes a SavedModel (tag {@code serve}) with both serving signatures into a new directory. */
  public void exportSavedModel(Path dir) {
    if (Files.exists(dir)) {
      throw new UserError(
          dir + ": already exists; refusing to overwrite an export (choose another --out)");
    }
    Signature floats =
        Signature.builder()
            .key(ServingSignatures.DEFAULT)
            .input(ServingSignatures.IMAGES, images)
            .output(ServingSignatures.PROBABILITIES, probabilities)
            .build();
    Signature bytes =
        Signature.builder()
            .key(ServingSignatures.IMAGE_BYTES)
            .input(ServingSignatures.BYTES_INPUT, imageBytes)
            .output(ServingSignatures.MASK, mask)
            .build();
    try {
      SavedModelBundle.exporter(dir.toString())
          .withFunctions(
              SessionFunction.create(floats, session), SessionFunction.create(bytes, session))
          .export();
    } catch (IOException e) {
      throw new UncheckedIOException("writing the SavedModel to " + dir, e);
    }
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
