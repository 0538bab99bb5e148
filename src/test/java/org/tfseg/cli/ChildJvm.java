package org.tfseg.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code tfseg} in a child JVM (the test's classpath), its output going to a file. */
final class ChildJvm {
  private ChildJvm() {}

  static Process start(Path workDir, Path log, String... args) throws IOException {
    return start(workDir, log, Map.of(), args);
  }

  /** With {@code env} added to the environment (e.g. {@code TF_CONFIG}). */
  static Process start(Path workDir, Path log, Map<String, String> env, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx2g");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    pb.redirectErrorStream(true);
    pb.redirectOutput(log.toFile());
    pb.environment().put("TF_CPP_MIN_LOG_LEVEL", "3");
    pb.environment().remove("TF_CONFIG");
    pb.environment().putAll(env);
    return pb.start();
  }

  /** Runs to completion; returns the exit code. */
  static int run(Path workDir, Path log, String... args) throws Exception {
    return start(workDir, log, args).waitFor();
  }
}
