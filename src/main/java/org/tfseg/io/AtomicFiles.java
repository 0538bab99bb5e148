package org.tfseg.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.tfseg.UserError;

/**
 * Files written so that a reader never sees half of one: the content goes to a sibling temp file,
 * which is then renamed over the target in one step. Outputs are readable by others (0644 files,
 * 0755 folders), like the rest of a run folder, whatever the JDK's temp-file defaults (0600).
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /** Replaces {@code target} with {@code content} (UTF-8). */
  public static void writeString(Path target, String content) {
    write(target, content.getBytes(StandardCharsets.UTF_8));
  }

  /** Replaces {@code target} with {@code content}. */
  public static void write(Path target, byte[] content) {
    write(target, temp -> Files.write(temp, content));
  }

  /** Writes the new content into {@code temp}. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path temp) throws IOException;
  }

  /** Replaces {@code target} with what {@code content} writes. */
  public static void write(Path target, Content content) {
    Path dir = target.toAbsolutePath().getParent();
    try {
      OutputPaths.createFolders(dir);
      Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
      try {
        content.writeTo(temp);
        readable(temp);
        move(temp, target);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UserError(target + ": cannot write (" + OutputPaths.reason(e) + ")", e);
    }
  }

  /** Renames {@code from} over {@code to}, atomically where the file system can. */
  public static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** 0644 for a file, 0755 for a folder (on POSIX file systems). */
  public static void readable(Path p) throws IOException {
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(
          p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "rwxr-xr-x" : "rw-r--r--"));
    }
  }
}
