package org.tfseg.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.tfseg.UserError;

/** The images {@code predict} takes: one file, or the image files of a folder in name order. */
public final class ImageFiles {
  public static final List<String> EXTENSIONS = List.of(".jpg", ".jpeg", ".png", ".bmp", ".gif");

  private ImageFiles() {}

  /**
   * @throws UserError if {@code input} does not exist or is a folder without images
   */
  public static List<Path> list(Path input) throws IOException {
    if (Files.isRegularFile(input)) {
      return List.of(input);
    }
    if (!Files.isDirectory(input)) {
      throw new UserError(input + ": no such file or folder");
    }
    try (Stream<Path> s = Files.list(input)) {
      List<Path> images =
          s.filter(Files::isRegularFile).filter(ImageFiles::isImage).sorted().toList();
      if (images.isEmpty()) {
        throw new UserError(
            input + ": no images (" + String.join(", ", EXTENSIONS) + ") in this folder");
      }
      return images;
    }
  }

  public static boolean isImage(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return !n.startsWith(".") && EXTENSIONS.stream().anyMatch(n::endsWith);
  }

  /** The file name without its extension. */
  public static String baseName(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
