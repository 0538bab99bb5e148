package org.tfseg.cli;

import java.awt.image.BufferedImage;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.tfseg.UserError;
import org.tfseg.callback.ImageSamples;
import org.tfseg.config.Experiment;
import org.tfseg.config.Split;
import org.tfseg.eval.EvaluationReport;
import org.tfseg.export.Predictor;
import org.tfseg.export.SavedModelPredictor;
import org.tfseg.run.CheckpointLocator;
import org.tfseg.task.SegmentationTask;
import org.tfseg.viz.EvalPanel;
import org.tfseg.viz.PngFiles;
import org.tfseg.viz.PredictionPanels;

/**
 * {@code tfseg eval EXPERIMENT.json}: the experiment's evaluation metrics on a split (test by
 * default), from a checkpoint (the newest run's best by default) or an exported SavedModel; printed
 * and written as JSON, with a picture of the first predictions beside it ({@link EvalPanel}). With
 * {@code --pred-dir}: scores saved PNGs ({@link PredictionDirEval}).
 */
final class EvalCommand implements Command {
  private static final String USAGE =
      "tfseg eval EXPERIMENT.json [--checkpoint PATH | --saved-model DIR] [--split test] [--out FILE]"
          + " [--panel N]\n"
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
                Cli.value(
                    "panel",
                    "N",
                    "picture of the first N images beside the JSON, <name>-panel.png"
                        + " (default "
                        + PredictionPanels.DEFAULT_IMAGES
                        + ", 0: none)"))
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
      if (line.hasOption("panel")) {
        throw new UserError("--panel applies to model evaluation only, not --pred-dir");
      }
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
    int panel = Cli.intValue(line, "panel", PredictionPanels.DEFAULT_IMAGES, 0);
    Path file =
        EvalOutputs.reportFile(
            line.getOptionValue("out"), e, savedModel != null ? savedModel : checkpoint, split);
    Path panelFile = EvalPanel.fileFor(file);
    List<Path> outputs = new ArrayList<>(EvalOutputs.reportFiles(file, task.sodEvaluation()));
    if (panel > 0) {
      outputs.add(panelFile);
    }
    EvalOutputs.requireWritable(outputs, task.samples(split));
    EvaluationReport report;
    BufferedImage picture = null;
    try (Predictor predictor =
        savedModel != null
            ? new SavedModelPredictor(Path.of(savedModel))
            : task.inferenceGraph(checkpoint)) {
      report =
          task.evaluate(
              predictor, split, savedModel != null ? savedModel : checkpoint, savedModel != null);
      if (panel > 0) {
        ImageSamples first = task.firstSamples(split, panel);
        String caption =
            String.format(
                "%s · first %d of %d %s images",
                e.name(), first.count(), report.images(), report.split());
        picture = EvalPanel.render(predictor, first, task.model().numClasses(), caption);
      }
    }
    out.println(report.header());
    out.print(report.table());
    for (Path p : report.write(file)) {
      out.println("written: " + p);
    }
    if (picture != null) {
      PngFiles.writeAtomically(picture, panelFile);
      out.println("written: " + panelFile);
    }
    return 0;
  }
}
