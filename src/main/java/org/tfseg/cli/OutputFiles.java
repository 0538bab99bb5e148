package org.tfseg.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * New output paths that never replace an existing file: {@code name.json}, {@code name-2.json}, …
 */
final class OutputFiles {
  private OutputFiles() {}

  static Path fresh(Path dir, String base, String extension) {
    Path p = dir.resolve(base + extension);
    for (int i = 2; Files.exists(p); i++) {
      p = dir.resolve(base + "-" + i + extension);
    }
    return p;
  }
}
