package org.tfseg.cli;

import java.nio.file.Path;
import java.util.Locale;
import org.tfseg.config.Experiment;
import org.tfseg.config.Split;

/** Where {@code eval} writes its report when {@code --out} is not given. */
final class EvalOutputs {
  private EvalOutputs() {}

  /** {@code --out}, else a fresh {@code <split>.json} in {@link #defaultDir}. */
  static Path reportFile(String out, Experiment e, String checkpoint, Split split) {
    return out != null
        ? Path.of(out)
        : OutputFiles.fresh(
            defaultDir(e, checkpoint), split.name().toLowerCase(Locale.ROOT), ".json");
  }

  /** {@code <run>/eval/} of the checkpoint's run, else the experiment folder's {@code eval/}. */
  static Path defaultDir(Experiment e, String checkpoint) {
    Path dir = e.experimentDir().resolve("eval");
    if (checkpoint != null) {
      Path ckptDir = Path.of(checkpoint).toAbsolutePath().getParent();
      if (ckptDir != null
          && ckptDir.getParent() != null
          && ckptDir.getParent().getFileName().toString().equals("checkpoints")) {
        dir = ckptDir.getParent().getParent().resolve("eval");
      }
    }
    return dir;
  }
}
