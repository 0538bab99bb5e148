package org.tfseg.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.tfseg.config.Experiment;
import org.tfseg.config.Split;
import org.tfseg.data.SamplePair;
import org.tfseg.io.OutputPaths;
import org.tfseg.sod.SodReportFiles;

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

  /** The files a report at {@code file} consists of: the JSON, and the SOD report's plots. */
  static List<Path> reportFiles(Path file, boolean sod) {
    return sod ? SodReportFiles.files(file) : List.of(file);
  }

  /**
   * Before anything is evaluated: no output exists, each can be created, and none goes into a
   * folder holding the evaluated images or masks.
   */
  static void requireWritable(List<Path> outputs, List<SamplePair> inputs) {
    Set<Path> inputFolders = new LinkedHashSet<>();
    for (SamplePair p : inputs) {
      inputFolders.add(p.image().toAbsolutePath().normalize().getParent());
      inputFolders.add(p.mask().toAbsolutePath().normalize().getParent());
    }
    requireWritable(outputs, inputFolders, "the folder of evaluated files");
  }

  /** {@link #requireWritable(List, List)} against the given input folders. */
  static void requireWritable(List<Path> outputs, Set<Path> inputFolders, String inputs) {
    for (Path out : outputs) {
      for (Path in : inputFolders) {
        OutputPaths.requireOutside(out, in, "--out", inputs);
      }
      OutputPaths.requireNew(out, "--out");
    }
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
