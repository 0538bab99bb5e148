package org.tfseg.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.tfseg.UserError;

/**
 * Files replaced atomically: the content goes to a hidden temp file in the target's folder, which
 * is then moved over the target, so a reader (or a crash) never sees a half-written file and no
 * temp file is left behind.
 */
public final class AtomicFiles {
  /** Writes the new content into {@code temp}. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path temp) throws IOException;
  }

  private AtomicFiles() {}

  /**
   * @throws UserError if the folder or file cannot be written
   */
  public static void write(Path target, Content content) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      try {
        content.writeTo(temp);
        try {
          Files.move(
              temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UserError(target + ": cannot write: " + e.getMessage(), e);
    }
  }

  public static void writeString(Path target, String content) {
    write(target, temp -> Files.writeString(temp, content, StandardCharsets.UTF_8));
  }
}
