package org.tfseg.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tfseg.UserError;

/**
 * The files of one training run: {@code <run_root>/<name>/run-001}, {@code run-002}, …. Every fresh
 * training run gets a new numbered directory; existing ones are never reused, emptied or deleted,
 * so nothing written before is overwritten.
 *
 * <pre>
 * run-003/
 *   experiment.json   the resolved experiment (its presence marks a run directory)
 *   history.csv, history.json
 *   curves.png        loss, metrics and learning rate per epoch (rewritten each epoch)
 *   panels/epoch-001.png, …  image | ground truth | prediction | error of validation images
 *   train.log
 *   checkpoints/best/ckpt…, checkpoints/epoch-005/ckpt…
 *   eval/
 *   export/
 *   tensorboard/train/, tensorboard/validation/   event files of the tensorboard callback
 * </pre>
 */
public final class RunDirectory {
  private static final Pattern RUN_NAME = Pattern.compile("run-(\\d{3,})");
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9._-]+");

  private final Path root;

  private RunDirectory(Path root) {
    this.root = root;
  }

  /**
   * Creates {@code runRoot/name/run-NNN}, numbered one above the highest existing run (gaps are not
   * refilled), with an empty {@code checkpoints/}.
   *
   * @throws UserError if {@code name} is not a plain directory name or the directory cannot be
   *     created
   */
  public static RunDirectory createNext(Path runRoot, String name) {
    Path parent = experimentDir(runRoot, name);
    try {
      Files.createDirectories(parent);
      int next = highestRunNumber(parent).orElse(0) + 1;
      while (true) {
        Path dir = parent.resolve(runDirName(next));
        try {
          // createDirectory fails if it exists, so two concurrent runs never share a directory.
          Files.createDirectory(dir);
          RunDirectory run = new RunDirectory(dir);
          Files.createDirectories(run.checkpointsDir());
          return run;
        } catch (FileAlreadyExistsException e) {
          next++;
        }
      }
    } catch (IOException e) {
      throw new UserError(parent + ": cannot create a run directory: " + e.getMessage(), e);
    }
  }

  /**
   * Opens an existing run directory, to resume or evaluate it.
   *
   * @throws UserError if {@code dir} is not a directory containing {@code experiment.json}
   */
  public static RunDirectory open(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new UserError(dir + ": run directory does not exist");
    }
    RunDirectory run = new RunDirectory(dir);
    if (!Files.isRegularFile(run.experimentFile())) {
      throw new UserError(dir + ": not a tfseg run directory (no experiment.json)");
    }
    return run;
  }

  /**
   * The highest-numbered run of experiment {@code name} that has an {@code experiment.json}; empty
   * if there is none.
   */
  public static Optional<RunDirectory> latest(Path runRoot, String name) {
    Path parent = experimentDir(runRoot, name);
    if (!Files.isDirectory(parent)) {
      return Optional.empty();
    }
    try (Stream<Path> children = Files.list(parent)) {
      return children
          .filter(p -> runNumber(p).isPresent())
          .filter(p -> Files.isRegularFile(p.resolve("experiment.json")))
          .max((a, b) -> Integer.compare(runNumber(a).getAsInt(), runNumber(b).getAsInt()))
          .map(RunDirectory::new);
    } catch (IOException e) {
      throw new UserError(parent + ": cannot list run directories: " + e.getMessage(), e);
    }
  }

  /**
   * The runs of experiment {@code name} that have an {@code experiment.json}, newest (highest
   * number) first.
   */
  public static List<RunDirectory> newestFirst(Path runRoot, String name) {
    Path parent = experimentDir(runRoot, name);
    if (!Files.isDirectory(parent)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(parent)) {
      return children
          .filter(p -> runNumber(p).isPresent())
          .filter(p -> Files.isRegularFile(p.resolve("experiment.json")))
          .sorted((a, b) -> Integer.compare(runNumber(b).getAsInt(), runNumber(a).getAsInt()))
          .map(RunDirectory::new)
          .toList();
    } catch (IOException e) {
      throw new UserError(parent + ": cannot list run directories: " + e.getMessage(), e);
    }
  }

  public Path root() {
    return root;
  }

  public Path experimentFile() {
    return root.resolve("experiment.json");
  }

  public Path historyCsv() {
    return root.resolve("history.csv");
  }

  public Path historyJson() {
    return root.resolve("history.json");
  }

  public Path logFile() {
    return root.resolve("train.log");
  }

  public Path checkpointsDir() {
    return root.resolve("checkpoints");
  }

  /** Path prefix of checkpoint {@code name}: {@code checkpoints/<name>/ckpt}. */
  public Path checkpointPrefix(String name) {
    requireSafeName(name, "checkpoint name");
    return checkpointsDir().resolve(name).resolve("ckpt");
  }

  /** The run's checkpoints (for reading: {@code keep} only matters when saving). */
  public CheckpointStore checkpoints() {
    return new CheckpointStore(checkpointsDir(), Integer.MAX_VALUE);
  }

  /**
   * The checkpoint to evaluate or export, as a prefix: {@code best}, else {@code final}, else the
   * newest periodic one.
   *
   * @throws UserError if the run has none yet
   */
  public String preferredCheckpoint() {
    return findPreferredCheckpoint()
        .orElseThrow(() -> new UserError(root + ": this run has no checkpoint yet"));
  }

  /**
   * {@link #preferredCheckpoint()}, or empty for a run that failed or was killed before its first
   * checkpoint.
   */
  public Optional<String> findPreferredCheckpoint() {
    CheckpointStore store = checkpoints();
    for (String name : List.of("best", "final", CheckpointStore.LAST)) {
      var found = store.find(name);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  public Path evalDir() {
    return root.resolve("eval");
  }

  public Path exportDir() {
    return root.resolve("export");
  }

  /** Opens {@code train.log} for appending, echoing each line to {@code echo} (null for none). */
  public RunLog openLog(PrintStream echo) {
    return new RunLog(logFile(), echo);
  }

  @Override
  public String toString() {
    return root.toString();
  }

  static String runDirName(int number) {
    return String.format(Locale.ROOT, "run-%03d", number);
  }

  private static Path experimentDir(Path runRoot, String name) {
    requireSafeName(name, "experiment name");
    return runRoot.resolve(name);
  }

  private static void requireSafeName(String name, String what) {
    if (name == null
        || !SAFE_NAME.matcher(name).matches()
        || name.equals(".")
        || name.equals("..")) {
      throw new UserError(
          what + " '" + name + "' must be non-empty and use only letters, digits, '.', '_', '-'");
    }
  }

  private static OptionalInt highestRunNumber(Path parent) throws IOException {
    try (Stream<Path> children = Files.list(parent)) {
      return children
          .map(RunDirectory::runNumber)
          .filter(OptionalInt::isPresent)
          .mapToInt(OptionalInt::getAsInt)
          .max();
    }
  }

  private static OptionalInt runNumber(Path path) {
    Matcher m = RUN_NAME.matcher(path.getFileName().toString());
    if (!m.matches() || m.group(1).length() > 9) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(m.group(1)));
  }
}
