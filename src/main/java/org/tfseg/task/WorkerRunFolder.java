package org.tfseg.task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.tfseg.UserError;
import org.tfseg.config.Experiment;
import org.tfseg.config.ExperimentLoader;
import org.tfseg.run.RunDirectory;

/**
 * The run folder of a worker other than the chief: a temporary folder deleted when the JVM exits
 * normally (as {@code MultiWorkerMirroredStrategy}'s non-chief workers write to temporary
 * directories). Resuming, it starts as a copy of the chief's run folder given to {@code --resume}
 * (the chief's checkpoint, read by every worker: on several hosts that folder is on a shared file
 * system or copied to the same path), so the whole cluster continues from the chief's state.
 */
final class WorkerRunFolder {
  private WorkerRunFolder() {}

  static RunDirectory create(Experiment e, Path resume, int worker) throws IOException {
    Path temp = Files.createTempDirectory("tfseg-worker-" + worker + "-");
    Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(temp)));
    if (resume == null) {
      RunDirectory run = RunDirectory.createNext(temp, e.name());
      Files.writeString(run.experimentFile(), ExperimentLoader.toJson(e));
      return run;
    }
    RunDirectory.open(resume); // a user error if it is no run folder
    Path copy = temp.resolve(resume.getFileName().toString());
    try (Stream<Path> all = Files.walk(resume)) {
      for (Path p : all.toList()) {
        Path to = copy.resolve(resume.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(to);
        } else {
          Files.copy(p, to);
        }
      }
    } catch (IOException io) {
      throw new UserError(
          resume + ": worker " + worker + " cannot copy the chief's run folder: " + io, io);
    }
    return RunDirectory.open(copy);
  }

  private static void delete(Path dir) {
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a temporary folder: what is left is the OS's to clean
    }
  }
}
