package org.tfseg.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.tfseg.UserError;

/**
 * Checks and writes of the paths commands write to, so that an output path the user gave that
 * cannot be written is a one-line user error naming it (not a {@code FileAlreadyExistsException}
 * about an ancestor), an output never lands among the command's inputs, and an output folder
 * appears only complete: it is written as a hidden {@code .NAME.partial-PID} sibling and renamed
 * into place at the end.
 */
public final class OutputPaths {
  private OutputPaths() {}

  /**
   * Without touching the disk: {@code target} does not exist and could be created, i.e. its nearest
   * existing ancestor is a writable folder.
   *
   * @param what how the user named it ({@code --out}), for the message
   */
  public static void requireNew(Path target, String what) {
    if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new UserError(
          what + " " + target + ": already exists; refusing to overwrite (choose a new path)");
    }
    requireCreatable(target, what);
  }

  /** Without touching the disk: {@code target}'s nearest existing ancestor is a writable folder. */
  public static void requireCreatable(Path target, String what) {
    Path abs = target.toAbsolutePath().normalize();
    for (Path p = abs.getParent(); p != null; p = p.getParent()) {
      if (!Files.exists(p)) {
        continue;
      }
      if (!Files.isDirectory(p)) {
        throw new UserError(what + " " + target + ": cannot be created, " + p + " is a file");
      }
      if (!Files.isWritable(p)) {
        throw new UserError(
            what + " " + target + ": cannot be created in " + p + " (permission denied)");
      }
      return;
    }
  }

  /**
   * Refuses {@code output} when it is the folder {@code inputs} or inside it (paths compared after
   * resolving symbolic links).
   *
   * @param inputWhat how the user named the inputs ({@code --input})
   */
  public static void requireOutside(Path output, Path inputs, String what, String inputWhat) {
    Path out = real(output);
    Path in = real(inputs);
    if (out.startsWith(in)) {
      throw new UserError(
          what
              + " "
              + output
              + ": "
              + (out.equals(in) ? "is " : "is inside ")
              + inputWhat
              + " "
              + inputs
              + "; refusing to write among the inputs (choose another place)");
    }
  }

  /** A new, empty hidden sibling folder of {@code target} to write it in. */
  public static Path partialSibling(Path target, String what) {
    Path abs = target.toAbsolutePath().normalize();
    Path temp =
        abs.resolveSibling("." + abs.getFileName() + ".partial-" + ProcessHandle.current().pid());
    try {
      createFolders(abs.getParent());
      deleteTree(temp);
      Files.createDirectory(temp);
      AtomicFiles.readable(temp);
      return temp;
    } catch (NoSuchFileException e) { // e.g. /proc: a folder that takes no new entries
      throw new UserError(
          what + " " + target + ": cannot write here (the file system refuses new files)", e);
    } catch (IOException e) {
      throw new UserError(what + " " + target + ": cannot write here (" + reason(e) + ")", e);
    }
  }

  /**
   * Renames the finished {@code temp} folder to {@code target} (which may exist as an empty folder)
   * in one step.
   */
  public static void commit(Path temp, Path target, String what) {
    try {
      AtomicFiles.move(temp, target.toAbsolutePath().normalize());
    } catch (IOException e) {
      throw new UserError(what + " " + target + ": cannot write here (" + reason(e) + ")", e);
    }
  }

  /** Deletes a folder and everything in it, if it exists; quietly, for cleaning up a failure. */
  public static void discard(Path temp) {
    try {
      deleteTree(temp);
    } catch (IOException ignored) {
      // the hidden .partial folder stays; its name says what it is
    }
  }

  /**
   * {@code Files.createDirectories}, except that a file in the way is reported as {@link
   * NotDirectoryException} naming it (Java reports {@code FileAlreadyExistsException}, which reads
   * as if the target existed).
   */
  public static void createFolders(Path dir) throws IOException {
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      throw new NotDirectoryException(e.getFile());
    }
  }

  /** The operating system's reason, or the exception's kind when it gives none. */
  public static String reason(IOException e) {
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileAlreadyExistsException f) {
      return f.getFile() + " already exists";
    }
    if (e instanceof NotDirectoryException n) {
      return n.getFile() + " is not a folder";
    }
    if (e instanceof NoSuchFileException n) {
      return n.getFile() + " does not exist";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** The absolute path with symbolic links of its existing part resolved. */
  private static Path real(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    try {
      return existing.toRealPath().resolve(existing.relativize(abs));
    } catch (IOException e) {
      return abs;
    }
  }

  private static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }
}
