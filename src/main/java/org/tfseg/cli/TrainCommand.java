package org.tfseg.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.tfseg.task.ModelRegistry;
import org.tfseg.weights.ImportReport;
import org.tfseg.weights.KerasWeightImport;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.tfseg.UserError;
import org.tfseg.config.Experiment;
import org.tfseg.config.ExperimentLoader;
import org.tfseg.data.InputPipeline;
import org.tfseg.model.ModelSummary;
import org.tfseg.task.DataSplits;
import org.tfseg.task.SegmentationTask;
import org.tfseg.callback.History;
import org.tfseg.run.RunDirectory;
import org.tfseg.run.RunLog;
import org.tfseg.train.Trainer;
import org.tfseg.train.TrainingGraph;
import org.tfseg.train.TrainingOptions;
import org.tfseg.task.Components;

/**
 * {@code tfseg train EXPERIMENT.json}: a new numbered run directory holding the resolved
 * experiment, the log, history CSV/JSON and checkpoints; {@code --resume RUN_DIR} continues one.
 */
final class TrainCommand implements Command {
  private static final String USAGE = "tfseg train EXPERIMENT.json [--set key=value]... [--resume RUN_DIR]";

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
    Options options = new Options().addOption(Cli.help()).addOption(Cli.set())
        .addOption(Cli.value("resume", "RUN_DIR", "continue an interrupted run from its last checkpoint"));
    CommandLine line = Cli.parse(options, args, USAGE, out);
    if (line == null) {
      return 0;
    }
    Experiment e = Cli.experiment(line, USAGE);
    SegmentationTask task = new SegmentationTask(e);
    Optional<Path> pretrained = task.encoderWeights();
    DataSplits splits = task.splits();
    if (splits.train().isEmpty()) {
      throw new UserError("the training split is empty");
    }
    String resume = line.getOptionValue("resume");
    RunDirectory run = resume != null ? RunDirectory.open(Path.of(resume)) : newRun(e);
    History history = resume != null ? History.load(run.historyCsv(), run.historyJson())
        : new History(run.historyCsv(), run.historyJson());
    try (RunLog log = run.openLog(out);
        TrainingGraph graph = new TrainingGraph(task.trainingSpec());
        InputPipeline trainData = task.pipeline(splits.train(), true);
        InputPipeline valData = splits.validation().isEmpty() ? null : task.pipeline(splits.validation(), false)) {
      ModelSummary s = ModelSummary.of(task.model(), task.height(), task.width(), task.channels(), e.seed());
      log.line("tfseg: " + (resume != null ? "resuming " : "training ") + e.name() + " in " + run.root());
      log.line(String.format("data: %d train, %d validation, %d test samples at %dx%d; batch %d",
          splits.train().size(), splits.validation().size(), splits.test().size(), task.height(), task.width(),
          e.training().batchSize())
          + (e.data().augmentation() != null ? "; training augmented, at " + e.data().trainingSize() : ""));
      log.line(String.format("model: %s, %s params (%s trainable, %s non-trainable)", s.name(),
          ModelSummary.group(s.total()), ModelSummary.group(s.trainable()), ModelSummary.group(s.nonTrainable())));
      if (pretrained.isPresent() && resume == null) {
        ImportReport report = KerasWeightImport.load(graph.session(), graph.store(), ModelRegistry.ENCODER_SCOPE,
            pretrained.get());
        log.line("encoder weights: " + report.summary());
      }
      TrainingOptions opts = new TrainingOptions(e.training().epochs(), e.training().stepsPerEpoch(),
          e.training().validationSteps(), System.console() != null, e.training().maxSteps());
      Trainer trainer = new Trainer(graph, trainData, valData, opts, Components.callbacks(e.training().callbacks()),
          history, run, log, out);
      if (resume != null) {
        trainer.resume();
      }
      Map<String, Double> last = trainer.fit();
      log.line("finished: " + Trainer.format(last));
      log.line("checkpoints: " + run.checkpointsDir() + "; history: " + run.historyCsv());
    }
    return 0;
  }

  private static RunDirectory newRun(Experiment e) throws IOException {
    RunDirectory run = RunDirectory.createNext(Path.of(e.runRoot()), e.name());
    Files.writeString(run.experimentFile(), ExperimentLoader.toJson(e));
    return run;
  }
}
