package org.tfseg.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.tfseg.UserError;
import org.tfseg.config.Experiment;

/**
 * Finds the checkpoint {@code eval}/{@code export} use: {@code --checkpoint} may name a prefix
 * ({@code …/checkpoints/best/ckpt}), a checkpoint folder ({@code …/checkpoints/best}) or a run
 * folder; without it, the newest run of the experiment that has a checkpoint (a run that failed or
 * was killed before its first is passed over). In a run, {@code best} is preferred, then {@code
 * final}, then {@code last}.
 */
public final class CheckpointLocator {
  private CheckpointLocator() {}

  public static String resolve(Experiment experiment, String checkpointArg) {
    if (checkpointArg == null) {
      return newestRunCheckpoint(experiment);
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

  /**
   * The preferred checkpoint of the newest run that has one: a run that failed or was killed before
   * its first checkpoint does not hide the previous good run.
   */
  private static String newestRunCheckpoint(Experiment experiment) {
    List<RunDirectory> runs =
        RunDirectory.newestFirst(Path.of(experiment.runRoot()), experiment.name());
    if (runs.isEmpty()) {
      throw new UserError(
          experiment.experimentDir() + ": no training run found; train first or pass --checkpoint");
    }
    for (RunDirectory run : runs) {
      Optional<String> checkpoint = run.findPreferredCheckpoint();
      if (checkpoint.isPresent()) {
        return checkpoint.get();
      }
    }
    throw new UserError(
        experiment.experimentDir()
            + ": no run has a checkpoint yet ("
            + runs.size()
            + " run(s) stopped before their first); train first or pass --checkpoint");
  }

  private static String inRun(Path runDir) {
    return RunDirectory.open(runDir).preferredCheckpoint();
  }
}
