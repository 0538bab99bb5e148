package org.tfseg.cli;

import java.io.PrintStream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.tfseg.config.Experiment;
import org.tfseg.task.SegmentationTask;

/** {@code tfseg summary EXPERIMENT.json}: the Keras-like layer table and parameter totals. */
final class SummaryCommand implements Command {
  private static final String USAGE = "tfseg summary EXPERIMENT.json [--set key=value]...";

  @Override
  public String name() {
    return "summary";
  }

  @Override
  public String summary() {
    return "print the model's layers and parameter counts (Keras model.summary())";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    CommandLine line =
        Cli.parse(new Options().addOption(Cli.help()).addOption(Cli.set()), args, USAGE, out);
    if (line == null) {
      return 0;
    }
    Experiment e = Cli.experiment(line, USAGE);
    SegmentationTask task = new SegmentationTask(e);
    out.print(task.summary().format());
    return 0;
  }
}
