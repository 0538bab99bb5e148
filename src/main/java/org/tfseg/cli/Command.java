package org.tfseg.cli;

import java.io.PrintStream;

/**
 * One {@code tfseg} subcommand. Throws {@link org.tfseg.UserError} for anything the user can fix.
 */
interface Command {
  String name();

  /** One line for the top-level help. */
  String summary();

  /** Returns the process exit code (0 on success). */
  int run(String[] args, PrintStream out) throws Exception;
}
