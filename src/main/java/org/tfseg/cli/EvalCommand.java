package org.tfseg.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.tfseg.UserError;
import org.tfseg.config.Experiment;
import org.tfseg.config.Split;
import org.tfseg.eval.EvaluationReport;
import org.tfseg.export.Predictor;
import org.tfseg.export.SavedModelPredictor;
import org.tfseg.run.CheckpointLocator;
import org.tfseg.task.SegmentationTask;

/**
 * {@code tfseg eval EXPERIMENT.json}: the experiment's evaluation metrics on a split (test by
 * default), from a checkpoint (the newest run's best by default) or an exported SavedModel; printed
 * and written as JSON. With {@code --pred-dir}: scores saved PNGs ({@link PredictionDirEval}).
 */
final class EvalCommand implements Command {
  private static final String USAGE =
      "tfseg eval EXPERIMENT.json [--checkpoint PATH | --saved-model DIR] [--split test] [--out FILE]\n"
          + "       tfseg eval --pred-dir DIR --gt-dir DIR [--out FILE] [--protocol pysod|basnet]";

  @Override
  public String name() {
    return "eval";
  }

  @Override
  public String summary() {
    return "score a checkpoint or SavedModel on the test split with the experiment's metrics";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    Options options =
        new Options()
            .addOption(Cli.help())
            .addOption(Cli.set())
            .addOption(
                Cli.value(
                    "checkpoint",
                    "PATH",
                    "checkpoint prefix, checkpoint folder or run folder (default: newest run)"))
            .addOption(Cli.value("saved-model", "DIR", "evaluate an exported SavedModel instead"))
            .addOption(
                Cli.value("split", "NAME", "train, validation or test (default: evaluation.split)"))
            .addOption(
                Cli.value(
                    "out", "FILE", "where to write the JSON (default: the run's eval/ folder)"))
            .addOption(
                Cli.value("pred-dir", "DIR", "score saved prediction PNGs instead (no experiment)"))
            .addOption(Cli.value("gt-dir", "DIR", "the masks for --pred-dir"))
            .addOption(
                Cli.value(
                    "protocol",
                    "NAME",
                    "with --pred-dir: pysod (PySODMetrics, default) or basnet "
                        + "(the BASNet paper's tool)"));
    CommandLine line = Cli.parse(options, args, USAGE, out);
    if (line == null) {
      return 0;
    }
    if (line.hasOption("pred-dir") || line.hasOption("gt-dir")) {
      return PredictionDirEval.run(line, out);
    }
    if (line.hasOption("protocol")) {
      throw new UserError("--protocol applies to --pred-dir scoring only");
    }
    if (line.hasOption("checkpoint") && line.hasOption("saved-model")) {
      throw new UserError("give --checkpoint or --saved-model, not both");
    }
    Experiment e = Cli.experiment(line, USAGE);
    SegmentationTask task = new SegmentationTask(e);
    Split split = Cli.split(line.getOptionValue("split"), e.evaluation().split());
    String savedModel = line.getOptionValue("saved-model");
    String checkpoint =
        savedModel == null ? CheckpointLocator.resolve(e, line.getOptionValue("checkpoint")) : null;
    EvaluationReport report;
    try (Predictor predictor =
        savedModel != null
            ? new SavedModelPredictor(Path.of(savedModel))
            : task.inferenceGraph(checkpoint)) {
      report =
          task.evaluate(
              predictor, split, savedModel != null ? savedModel : checkpoint, savedModel != null);
    }
    out.println(report.header());
    out.print(report.table());
    Path file =
        line.hasOption("out")
            ? Path.of(line.getOptionValue("out"))
            : OutputFiles.fresh(
                EvalOutputs.defaultDir(e, report.source()), report.split(), ".json");
    for (Path p : report.write(file)) {
      out.println("written: " + p);
    }
    return 0;
  }
}
