package org.tfseg.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The checkpoints of one run ({@code RUN/checkpoints/}), written so that a kill at any moment never
 * leaves one that is later used half-written: each is written into a fresh {@code .partial-*}
 * folder, flushed, and then renamed into place in one atomic step. Periodic ones are {@code
 * step-NNNNNNNNN} (the newest {@code keep} are kept; the newest is {@value #LAST}); named ones
 * ({@code best}, {@code final}, {@code epoch-NNN}) replace their predecessor through a rename
 * aside, and {@link #recover} undoes a replacement that a kill interrupted.
 */
public final class CheckpointStore {
  /** The newest periodic checkpoint, whatever its step. */
  public static final String LAST = "last";

  private static final String STEP = "step-";
  private static final String PARTIAL = ".partial-";
  private static final String OLD = ".old-";

  /** The checkpoint's files: the TF bundle under this prefix and {@code ckpt.json}. */
  private static final String PREFIX = "ckpt";

  private final Path dir;
  private final int keep;

  /**
   * @param keep periodic checkpoints kept (>= 1)
   */
  public CheckpointStore(Path dir, int keep) {
    this.dir = dir;
    this.keep = keep;
  }

  /**
   * Finishes what a kill interrupted: a named checkpoint moved aside whose replacement never landed
   * is put back, and half-written folders are deleted.
   */
  public void recover() {
    for (Path p : entries()) {
      String n = p.getFileName().toString();
      if (n.startsWith(OLD)) {
        Path original = dir.resolve(n.substring(OLD.length(), n.lastIndexOf('-')));
        if (!Files.exists(original)) {
          move(p, original);
        } else {
          delete(p);
        }
      } else if (n.startsWith(PARTIAL)) {
        delete(p);
      } else if (n.startsWith(STEP) && !isComplete(p)) {
        delete(p); // a kill during pruning: removal is atomic now, but older runs may have one
      }
    }
  }

  /**
   * Writes a checkpoint: {@code writer} gets the path prefix to write the TF bundle and the state
   * file under; the folder becomes {@code name} (or {@code step-N} for {@value #LAST}) only once
   * complete. Returns the final prefix.
   */
  public String save(String name, long step, Consumer<String> writer) {
    String target = name.equals(LAST) ? stepName(step) : name;
    Path partial = dir.resolve(PARTIAL + target + "-" + ProcessHandle.current().pid());
    try {
      Files.createDirectories(dir);
      delete(partial);
      Files.createDirectories(partial);
      writer.accept(partial.resolve(PREFIX).toString());
      try (Stream<Path> files = Files.list(partial)) {
        for (Path f : files.toList()) {
          try (FileChannel c = FileChannel.open(f, StandardOpenOption.WRITE)) {
            c.force(true);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("writing checkpoint " + dir.resolve(target), e);
    }
    Path finalDir = dir.resolve(target);
    if (Files.exists(finalDir)) {
      Path aside = dir.resolve(OLD + target + "-" + ProcessHandle.current().pid());
      move(finalDir, aside);
      move(partial, finalDir);
      delete(aside); // a kill here leaves .old-*: recover() deletes it, finalDir being complete
    } else {
      move(partial, finalDir);
    }
    if (name.equals(LAST)) {
      prune();
    }
    return prefix(target).toString();
  }

  /** The prefix of checkpoint {@code name}; {@value #LAST} means the newest periodic one. */
  public Optional<String> find(String name) {
    if (!name.equals(LAST)) {
      return isComplete(dir.resolve(name))
          ? Optional.of(prefix(name).toString())
          : Optional.empty();
    }
    List<String> steps = periodic();
    return steps.isEmpty()
        ? Optional.empty()
        : Optional.of(prefix(steps.get(steps.size() - 1)).toString());
  }

  /** The periodic checkpoints' prefixes, newest first (to fall back from a damaged one). */
  public List<String> periodicNewestFirst() {
    List<String> steps = new ArrayList<>(periodic());
    java.util.Collections.reverse(steps);
    return steps.stream().map(s -> prefix(s).toString()).toList();
  }

  public Path prefix(String name) {
    return dir.resolve(name).resolve(PREFIX);
  }

  /** {@code step-000000042}: zero-padded so that names sort by step. */
  static String stepName(long step) {
    return String.format(Locale.ROOT, "%s%09d", STEP, step);
  }

  /** Complete periodic checkpoint folder names, oldest first. */
  private List<String> periodic() {
    return entries().stream()
        .map(p -> p.getFileName().toString())
        .filter(n -> n.startsWith(STEP) && isComplete(dir.resolve(n)))
        .sorted()
        .toList();
  }

  private static boolean isComplete(Path folder) {
    return Files.isRegularFile(folder.resolve(PREFIX + ".index"))
        && Files.isRegularFile(CheckpointState.file(folder.resolve(PREFIX).toString()));
  }

  private void prune() {
    List<String> steps = periodic();
    for (int i = 0; i < steps.size() - keep; i++) {
      remove(dir.resolve(steps.get(i)));
    }
  }

  /** Deletes a checkpoint folder so that it disappears at once: renamed aside, then deleted. */
  private void remove(Path folder) {
    Path aside =
        dir.resolve(
            PARTIAL + "removed-" + folder.getFileName() + "-" + ProcessHandle.current().pid());
    move(folder, aside);
    delete(aside);
  }

  private List<Path> entries() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + dir, e);
    }
  }

  private static void move(Path from, Path to) {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      throw new IllegalStateException(from + ": the file system cannot rename atomically", e);
    } catch (IOException e) {
      throw new UncheckedIOException("renaming " + from + " to " + to, e);
    }
  }

  private static void delete(Path p) {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("deleting " + p, e);
    }
  }
}
