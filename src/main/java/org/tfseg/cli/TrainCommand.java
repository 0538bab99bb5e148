package org.tfseg.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.tfseg.task.SegmentationTask;
import org.tfseg.task.TrainingRunner;
import org.tfseg.train.TrainingInterrupted;
import org.tfseg.train.distribute.TfConfig;

/**
 * {@code tfseg train EXPERIMENT.json}: a new numbered run directory holding the resolved
 * experiment, the log, history CSV/JSON and checkpoints; {@code --resume RUN_DIR} continues one.
 * With {@code TF_CONFIG} set, this process is one worker of that cluster ({@link TfConfig}).
 */
final class TrainCommand implements Command {
  private static final String USAGE =
      "tfseg train EXPERIMENT.json [--set key=value]... [--resume RUN_DIR]";

  @Override
  public String name() {
    return "train";
  }

  @Override
  public String summary() {
    return "train the experiment's model (the default command)";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    Options options =
        new Options()
            .addOption(Cli.help())
            .addOption(Cli.set())
            .addOption(
                Cli.value(
                    "resume", "RUN_DIR", "continue an interrupted run from its last checkpoint"));
    CommandLine line = Cli.parse(options, args, USAGE, out);
    if (line == null) {
      return 0;
    }
    TrainingRunner runner =
        new TrainingRunner(
            new SegmentationTask(Cli.experiment(line, USAGE)),
            out,
            System.console() != null,
            TfConfig.fromEnvironment());
    String resume = line.getOptionValue("resume");
    try {
      if (resume != null) {
        runner.resume(Path.of(resume));
      } else {
        runner.train();
      }
    } catch (TrainingInterrupted e) {
      Path run = Path.of(e.checkpoint()).getParent().getParent().getParent();
      out.println("tfseg: interrupted by " + e.getMessage());
      out.println(
          "resume with: java -jar target/tfseg.jar train "
              + String.join(" ", args).replaceAll(" ?--resume \\S+", "")
              + " --resume "
              + run);
      return e.exitCode();
    }
    return 0;
  }
}
