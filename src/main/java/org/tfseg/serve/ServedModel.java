package org.tfseg.serve;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Tensor;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TString;
import org.tfseg.export.Mask;
import org.tfseg.export.ServingSignatures;
import org.tfseg.graph.Tensors;

/**
 * One loaded version of the served model, shared by all request threads (a TF Session runs
 * concurrent calls safely). Reference-counted: the version manager holds one reference while the
 * version is current and each request holds one while it runs, so a replaced version is closed only
 * after its last in-flight request has finished.
 */
final class ServedModel {
  final long version;
  final Map<String, SignatureSpec> signatures;
  private final SavedModelBundle bundle;
  private final AtomicInteger references = new AtomicInteger(1);

  ServedModel(Path dir, long version) {
    this.version = version;
    this.bundle = SavedModelBundle.load(dir.toString(), SavedModelBundle.DEFAULT_TAG);
    Map<String, SignatureSpec> sigs = new TreeMap<>();
    bundle
        .metaGraphDef()
        .getSignatureDefMap()
        .forEach((name, def) -> sigs.put(name, SignatureSpec.of(name, def)));
    this.signatures = java.util.Collections.unmodifiableMap(sigs);
  }

  /** Takes a reference; false once the version has been closed. */
  boolean acquire() {
    for (int r = references.get(); r > 0; r = references.get()) {
      if (references.compareAndSet(r, r + 1)) {
        return true;
      }
    }
    return false;
  }

  /** Drops a reference; the last one closes the SavedModel. */
  void release() {
    if (references.decrementAndGet() == 0) {
      bundle.close();
    }
  }

  SignatureSpec signature(String name) {
    SignatureSpec s = signatures.get(name);
    if (s == null) {
      throw ClientError.badRequest(
          "Serving signature name: \""
              + name
              + "\" not found in signature def (signatures: "
              + String.join(", ", signatures.keySet())
              + ")");
    }
    return s;
  }

  /**
   * Runs a signature as TF Serving does: inputs fed and outputs fetched by their TensorInfo names.
   * The caller closes the Result; an input the graph rejects is the client's error.
   */
  Result run(SignatureSpec sig, Map<String, Tensor> inputs) {
    Session.Runner runner = bundle.session().runner();
    for (TensorSpec in : sig.inputs()) {
      runner.feed(in.tensorName(), inputs.get(in.key()));
    }
    sig.outputs().forEach(o -> runner.fetch(o.tensorName()));
    try {
      return runner.run();
    } catch (TFInvalidArgumentException e) {
      throw ClientError.badRequest(firstLine(e.getMessage()));
    }
  }

  /** One encoded image's mask at its own size ({@code serving_image_bytes}). */
  Mask segment(byte[] image) {
    SignatureSpec sig = signature(ServingSignatures.IMAGE_BYTES);
    try (TString in = TString.tensorOfBytes(NdArrays.scalarOfObject(image));
        Result r = run(sig, Map.of(ServingSignatures.BYTES_INPUT, in))) {
      return Mask.of((TFloat32) r.get(0));
    }
  }

  /** Several images' masks in one session run ({@code serving_image_bytes_batch}). */
  List<Mask> segmentBatch(List<byte[]> images) {
    SignatureSpec sig = signature(ServingSignatures.IMAGE_BYTES_BATCH);
    int mask = indexOf(sig.outputs(), ServingSignatures.MASK);
    int size = indexOf(sig.outputs(), ServingSignatures.SIZE);
    try (TString in =
            TString.tensorOfBytes(NdArrays.vectorOfObjects(images.toArray(byte[][]::new)));
        Result r = run(sig, Map.of(ServingSignatures.BYTES_INPUT, in))) {
      TFloat32 masks = (TFloat32) r.get(mask);
      TInt32 sizes = (TInt32) r.get(size);
      long[] shape = masks.shape().asArray();
      int hmax = (int) shape[1];
      int wmax = (int) shape[2];
      int c = (int) shape[3];
      float[] all = Tensors.floats(masks);
      List<Mask> out = new ArrayList<>();
      for (int i = 0; i < images.size(); i++) {
        int h = sizes.getInt(i, 0);
        int w = sizes.getInt(i, 1);
        float[] v = new float[h * w * c];
        for (int y = 0; y < h; y++) {
          System.arraycopy(all, ((i * hmax + y) * wmax) * c, v, y * w * c, w * c);
        }
        out.add(new Mask(h, w, c, v));
      }
      return out;
    }
  }

  private static int indexOf(List<TensorSpec> specs, String key) {
    for (int i = 0; i < specs.size(); i++) {
      if (specs.get(i).key().equals(key)) {
        return i;
      }
    }
    throw new IllegalStateException("no output " + key);
  }

  static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("").trim();
  }
}
