package org.tfseg.cli;

import java.io.PrintStream;
import java.nio.file.FileSystemException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.ParseException;
import org.tfseg.UserError;
import org.tfseg.config.InvalidConfigException;
import org.tfseg.io.OutputPaths;
import org.tfseg.runtime.FrozenWeights;
import org.tfseg.runtime.NativeLogs;
import org.tfseg.train.Trainer;
import org.tfseg.train.distribute.ClusterFailure;

/**
 * {@code java -jar tfseg.jar [COMMAND] ARGS}. {@code tfseg EXPERIMENT.json} means {@code tfseg
 * train EXPERIMENT.json}. Exit codes: 0 success, 2 user error (one line, no stack trace; a path
 * that cannot be read or written counts as one), 1 internal error or diverged training.
 */
public final class Main {
  private static final Map<String, Command> COMMANDS = new LinkedHashMap<>();

  static {
    for (Command c :
        List.of(
            new TrainCommand(),
            new EvalCommand(),
            new ExportCommand(),
            new PredictCommand(),
            new SummaryCommand(),
            new BenchmarkCommand(),
            new ServeCommand(),
            new ServeBenchCommand())) {
      COMMANDS.put(c.name(), c);
    }
  }

  private Main() {}

  public static void main(String[] args) {
    FrozenWeights.assumeFor(args);
    NativeLogs.quiet();
    System.exit(run(args, System.out, System.err));
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      if (args.length == 0
          || args[0].equals("--help")
          || args[0].equals("-h")
          || args[0].equals("help")) {
        printHelp(out);
        return args.length == 0 ? 2 : 0;
      }
      Command command = COMMANDS.get(args[0]);
      String[] rest = Arrays.copyOfRange(args, 1, args.length);
      if (command == null) {
        if (!args[0].endsWith(".json")) {
          throw new UserError(
              "unknown command '"
                  + args[0]
                  + "' (commands: "
                  + String.join(", ", COMMANDS.keySet())
                  + "; or give an experiment .json to train)");
        }
        command = COMMANDS.get("train");
        rest = args;
      }
      return command.run(rest, out);
    } catch (UserError | InvalidConfigException e) {
      err.println("tfseg: error: " + e.getMessage());
      return 2;
    } catch (ParseException e) {
      err.println("tfseg: error: " + e.getMessage() + " (see --help)");
      return 2;
    } catch (ClusterFailure e) {
      err.println("tfseg: error: " + e.getMessage());
      return ClusterFailure.EXIT_CODE;
    } catch (Trainer.TrainingDiverged e) {
      err.println("tfseg: training diverged: " + e.getMessage());
      return 1;
    } catch (Exception | Error e) {
      FileSystemException fs = fileSystemProblem(e);
      if (fs != null) { // a path that cannot be read or written: the user's to fix
        err.println(
            "tfseg: error: "
                + fs.getFile()
                + ": "
                + OutputPaths.reason(fs)
                + (fs.getOtherFile() != null ? " (" + fs.getOtherFile() + ")" : ""));
        return 2;
      }
      err.println("tfseg: internal error: " + e);
      if (System.getenv("TFSEG_DEBUG") != null) {
        e.printStackTrace(err);
      } else {
        err.println("(set TFSEG_DEBUG=1 for the stack trace)");
      }
      return 1;
    }
  }

  /** The file-system error behind {@code e}, if that is what it is. */
  private static FileSystemException fileSystemProblem(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FileSystemException fs && fs.getFile() != null) {
        return fs;
      }
    }
    return null;
  }

  private static void printHelp(PrintStream out) {
    out.println("usage: java -jar tfseg.jar [COMMAND] ...");
    out.println("       java -jar tfseg.jar EXPERIMENT.json [--set key=value]...   (= train)");
    out.println();
    out.println("commands:");
    COMMANDS.values().forEach(c -> out.printf("  %-12s %s%n", c.name(), c.summary()));
    out.println();
    out.println("'java -jar tfseg.jar COMMAND --help' describes a command's options.");
  }
}
