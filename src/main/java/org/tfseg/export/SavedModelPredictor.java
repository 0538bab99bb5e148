package org.tfseg.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;
import org.tfseg.UserError;
import org.tfseg.graph.Tensors;

/** A tfseg SavedModel loaded for serving: both signatures, with nothing but TF Java. */
public final class SavedModelPredictor implements Predictor {
  private final SavedModelBundle bundle;

  public SavedModelPredictor(Path dir) {
    if (!Files.isRegularFile(dir.resolve("saved_model.pb"))) {
      throw new UserError(dir + ": not a SavedModel directory (no saved_model.pb)");
    }
    this.bundle = SavedModelBundle.load(dir.toString(), SavedModelBundle.DEFAULT_TAG);
  }

  @Override
  public float[] predict(TFloat32 images) {
    try (Result r =
        bundle.function(ServingSignatures.DEFAULT).call(Map.of(ServingSignatures.IMAGES, images))) {
      return Tensors.floats((TFloat32) r.get(ServingSignatures.PROBABILITIES).orElseThrow());
    }
  }

  /** The mask of one encoded image at its own size: {@code [h, w, C]} flattened, with its shape. */
  @Override
  public Mask predictEncoded(byte[] encoded) {
    try (TString s = TString.tensorOfBytes(NdArrays.scalarOfObject(encoded));
        Result r =
            bundle
                .function(ServingSignatures.IMAGE_BYTES)
                .call(Map.of(ServingSignatures.BYTES_INPUT, (Tensor) s))) {
      return Mask.of((TFloat32) r.get(ServingSignatures.MASK).orElseThrow());
    }
  }

  @Override
  public void close() {
    bundle.close();
  }
}
