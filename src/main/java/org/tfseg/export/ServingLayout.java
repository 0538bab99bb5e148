package org.tfseg.export;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.tfseg.UserError;

/**
 * TF Serving's model layout, {@code BASE/NAME/VERSION/saved_model.pb}: the version is a positive
 * integer, one more than the largest already under {@code BASE/NAME} (1 for the first). A version
 * is written under a hidden temporary name and renamed into place in one step, so a server polling
 * the folder ({@code tfseg serve} or TF Serving) never sees half an export.
 */
public final class ServingLayout {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
  private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,17}");

  private ServingLayout() {}

  /** Checks a model name for use in a folder and in {@code /v1/models/NAME} URLs. */
  public static String checkName(String name) {
    if (!NAME.matcher(name).matches()) {
      throw new UserError(
          "model name '" + name + "': use letters, digits, '.', '_' and '-' (starting with one)");
    }
    return name;
  }

  /**
   * Writes a new version of model {@code name} under {@code base} with {@code writer} (which writes
   * a SavedModel into the directory it is given, which must not exist yet).
   *
   * @return the version's directory
   */
  public static Path writeVersion(Path base, String name, Consumer<Path> writer)
      throws IOException {
    Path modelDir = base.resolve(checkName(name));
    Files.createDirectories(modelDir);
    Path tmp =
        modelDir.resolve(".tmp-export-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    writer.accept(tmp);
    try {
      for (int attempt = 0; ; attempt++) {
        long version = latest(modelDir).orElse(0) + 1;
        Path target = modelDir.resolve(Long.toString(version));
        try {
          Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
          return target;
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
          if (attempt > 100 || e instanceof AtomicMoveNotSupportedException) {
            throw e;
          }
        } catch (IOException e) {
          if (!Files.exists(target) || attempt > 100) {
            throw e;
          }
        }
      }
    } finally {
      if (Files.exists(tmp)) {
        try (Stream<Path> s = Files.walk(tmp)) {
          s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }

  /** The largest complete version (a numeric folder with a saved_model.pb) in a model's folder. */
  public static OptionalLong latest(Path modelDir) throws IOException {
    if (!Files.isDirectory(modelDir)) {
      return OptionalLong.empty();
    }
    try (Stream<Path> s = Files.list(modelDir)) {
      return s.filter(p -> VERSION.matcher(p.getFileName().toString()).matches())
          .filter(p -> Files.isRegularFile(p.resolve("saved_model.pb")))
          .mapToLong(p -> Long.parseLong(p.getFileName().toString()))
          .max();
    }
  }
}
