package org.tfseg.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.tfseg.UserError;
import org.tfseg.config.Experiment;
import org.tfseg.config.ExperimentLoader;
import org.tfseg.config.Split;

/** Option parsing shared by the subcommands. */
final class Cli {
  private Cli() {}

  static Option help() {
    return Option.builder("h").longOpt("help").desc("show this help").build();
  }

  static Option set() {
    return Option.builder()
        .longOpt("set")
        .hasArg()
        .argName("key=value")
        .desc("override an experiment key, e.g. --set training.epochs=3 (repeatable)")
        .build();
  }

  static Option value(String longName, String argName, String description) {
    return Option.builder().longOpt(longName).hasArg().argName(argName).desc(description).build();
  }

  /** Parses, or prints help and returns null when {@code --help} is given. */
  static CommandLine parse(Options options, String[] args, String usage, PrintStream out)
      throws ParseException {
    CommandLine line = new DefaultParser().parse(options, args);
    if (line.hasOption("help")) {
      PrintWriter w = new PrintWriter(out);
      new HelpFormatter().printHelp(w, 100, usage, null, options, 2, 2, null);
      w.flush();
      return null;
    }
    return line;
  }

  /** The single positional EXPERIMENT.json argument, loaded with the {@code --set} overrides. */
  static Experiment experiment(CommandLine line, String usage) {
    List<String> positional = line.getArgList();
    if (positional.size() != 1) {
      throw new UserError("expected one experiment file (usage: " + usage + ")");
    }
    String[] sets = line.getOptionValues("set");
    return ExperimentLoader.load(
        Path.of(positional.get(0)), sets == null ? List.of() : List.of(sets));
  }

  static int intValue(CommandLine line, String name, int fallback) {
    return intValue(line, name, fallback, 1);
  }

  /** An integer option of at least {@code min} (0 or 1), or {@code fallback} when absent. */
  static int intValue(CommandLine line, String name, int fallback, int min) {
    String v = line.getOptionValue(name);
    if (v == null) {
      return fallback;
    }
    try {
      int i = Integer.parseInt(v);
      if (i < min) {
        throw new NumberFormatException();
      }
      return i;
    } catch (NumberFormatException e) {
      throw new UserError(
          "--"
              + name
              + ": expected a "
              + (min > 0 ? "positive" : "non-negative")
              + " integer, got '"
              + v
              + "'");
    }
  }

  /** A port, 0..65535 (0: any free port). */
  static int port(CommandLine line, String name, int fallback) {
    String v = line.getOptionValue(name);
    try {
      int p = v == null ? fallback : Integer.parseInt(v);
      if (p < 0 || p > 65535) {
        throw new NumberFormatException();
      }
      return p;
    } catch (NumberFormatException e) {
      throw new UserError("--" + name + ": expected a port 0..65535, got '" + v + "'");
    }
  }

  /** A positive long option, or {@code fallback} when absent. */
  static long longValue(CommandLine line, String name, long fallback) {
    String v = line.getOptionValue(name);
    if (v == null) {
      return fallback;
    }
    try {
      long l = Long.parseLong(v);
      if (l >= 1) {
        return l;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UserError("--" + name + ": expected a positive integer, got '" + v + "'");
  }

  /** {@code --split}'s value, or {@code fallback} when it is absent. */
  static Split split(String arg, Split fallback) {
    if (arg == null) {
      return fallback;
    }
    for (Split s : Split.values()) {
      if (s.name().equalsIgnoreCase(arg)) {
        return s;
      }
    }
    throw new UserError("--split: expected train, validation or test, got '" + arg + "'");
  }
}
