package org.tfseg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.tfseg.config.Experiment;
import org.tfseg.config.Split;

/**
 * Where {@code eval} writes its report when {@code --out} is not given: inside the run evaluated.
 */
final class EvalOutputs {
  private EvalOutputs() {}

  /** {@code --out}, else a fresh {@code <split>.json} in {@link #defaultDir} of {@code source}. */
  static Path reportFile(String out, Experiment e, String source, Split split) {
    return out != null
        ? Path.of(out)
        : OutputFiles.fresh(defaultDir(e, source), split.name().toLowerCase(Locale.ROOT), ".json");
  }

  /**
   * {@code RUN/eval/} of the run folder holding {@code source} (a checkpoint prefix or a SavedModel
   * directory exported into the run), else the experiment folder's {@code eval/}.
   */
  static Path defaultDir(Experiment e, String source) {
    for (Path p = Path.of(source).toAbsolutePath().getParent(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve("experiment.json"))
          && Files.isDirectory(p.resolve("checkpoints"))) {
        return p.resolve("eval");
      }
    }
    return e.experimentDir().resolve("eval");
  }
}
