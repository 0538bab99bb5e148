package org.tfseg.model;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tensorflow.Session;
import org.tfseg.UserError;
import org.tfseg.graph.VariableStore;
import org.tfseg.weights.ImportReport;
import org.tfseg.weights.KerasWeightImport;
import org.tfseg.weights.MatchMode;

/**
 * A Keras {@code .h5} weights file imported into the variables below {@code scope} (an encoder's)
 * when training starts, its layers paired by {@code match}.
 */
public record PretrainedWeights(String scope, Path file, MatchMode match) {
  /** A missing file is a user error raised before anything is built. */
  public void requireFile() {
    if (!Files.isRegularFile(file)) {
      throw new UserError(
          file
              + ": encoder weights file not found; download it with tools/fetch_weights.sh"
              + " (see weights/README.md), or set \"weights\": null to train the encoder from scratch");
    }
  }

  public ImportReport load(Session session, VariableStore store) {
    requireFile();
    return KerasWeightImport.load(session, store, scope, file, match);
  }
}
