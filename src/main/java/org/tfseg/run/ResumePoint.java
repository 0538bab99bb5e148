package org.tfseg.run;

import java.util.List;
import java.util.Map;
import org.tfseg.UserError;

/**
 * Checks, before a resumed run writes anything, that it has a periodic checkpoint to continue from:
 * the newest whose files are intact ({@link CheckpointCheck}) and whose state file reads; damaged
 * newer ones are skipped (the trainer names them in the log as it skips them again). A checkpoint
 * of another model is refused at once: the older ones would not fit either.
 */
public final class ResumePoint {
  private ResumePoint() {}

  /**
   * @return the prefix of the checkpoint the resume will restore
   * @throws UserError if the run has no periodic checkpoint, none intact (naming the newest and its
   *     damage), or its newest intact one is not of a model with {@code variables}
   */
  public static String require(RunDirectory run, Map<String, CheckpointCheck.Variable> variables) {
    CheckpointStore store = run.checkpoints();
    store.recover();
    List<String> candidates = store.periodicNewestFirst();
    if (candidates.isEmpty()) {
      throw new UserError(
          run.checkpointsDir()
              + ": no checkpoint to resume from (the run stopped before its first one; train a"
              + " new run)");
    }
    String newestProblem = null;
    for (String prefix : candidates) {
      try {
        CheckpointState.read(prefix);
        CheckpointCheck.require(prefix, variables);
        return prefix;
      } catch (DamagedCheckpoint e) {
        newestProblem = newestProblem == null ? e.getMessage() : newestProblem;
      }
    }
    throw new UserError(
        run.checkpointsDir()
            + ": no intact checkpoint to resume from; the newest: "
            + newestProblem);
  }
}
