package org.tfseg.run;

import java.nio.file.Files;
import java.nio.file.Path;
import org.tfseg.UserError;
import org.tfseg.config.Experiment;

/**
 * Finds the checkpoint {@code eval}/{@code export} use: {@code --checkpoint} may name a prefix
 * ({@code …/checkpoints/best/ckpt}), a checkpoint folder ({@code …/checkpoints/best}) or a run
 * folder; without it, the newest run of the experiment. In a run, {@code best} is preferred, then
 * {@code final}, then {@code last}.
 */
public final class CheckpointLocator {
  private CheckpointLocator() {}

  public static String resolve(Experiment experiment, String checkpointArg) {
    if (checkpointArg == null) {
      RunDirectory run =
          RunDirectory.latest(Path.of(experiment.runRoot()), experiment.name())
              .orElseThrow(
                  () ->
                      new UserError(
                          experiment.experimentDir()
                              + ": no training run found; train first or pass --checkpoint"));
      return inRun(run.root());
    }
    Path p = Path.of(checkpointArg);
    if (Files.isRegularFile(Path.of(checkpointArg + ".index"))) {
      return checkpointArg;
    }
    if (Files.isRegularFile(p.resolve("ckpt.index"))) {
      return p.resolve("ckpt").toString();
    }
    if (Files.isDirectory(p.resolve("checkpoints"))) {
      return inRun(p);
    }
    throw new UserError(
        checkpointArg
            + ": not a checkpoint (expected a prefix with a .index file, a checkpoint folder or a run folder)");
  }

  private static String inRun(Path runDir) {
    return RunDirectory.open(runDir).preferredCheckpoint();
  }
}
