package org.tfseg.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.tfseg.UserError;

/**
 * The run's {@code train.log}: each line is appended and flushed at once (so the log survives a
 * crash) and echoed to the console. A resumed run appends to the existing log.
 */
public final class RunLog implements AutoCloseable {
  private final Path file;
  private final BufferedWriter writer;
  private final PrintStream echo;

  /**
   * @param echo where lines are also printed; null for none
   * @throws UserError if the file cannot be opened for appending
   */
  public RunLog(Path file, PrintStream echo) {
    this.file = file;
    this.echo = echo;
    try {
      Path parent = file.toAbsolutePath().getParent();
      Files.createDirectories(parent);
      this.writer =
          Files.newBufferedWriter(
              file, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UserError(file + ": cannot open log for writing: " + e.getMessage(), e);
    }
  }

  /** Appends {@code line} to the log, flushed, and echoes it. */
  public synchronized void line(String line) {
    fileOnly(line);
    if (echo != null) {
      echo.println(line);
      echo.flush();
    }
  }

  /** Appends {@code line} to the log file only (the console already shows it another way). */
  public synchronized void fileOnly(String line) {
    try {
      writer.write(line);
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      throw new UserError(file + ": cannot write log: " + e.getMessage(), e);
    }
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UserError(file + ": cannot close log: " + e.getMessage(), e);
    }
  }
}
