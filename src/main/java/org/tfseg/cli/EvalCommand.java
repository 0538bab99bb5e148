package org.tfseg.cli;

import org.tfseg.run.CheckpointLocator;
import org.tfseg.sod.SodReportFiles;
import org.tfseg.sod.SodScoring;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.tfseg.UserError;
import org.tfseg.config.Experiment;
import org.tfseg.config.Split;
import org.tfseg.data.Batch;
import org.tfseg.data.BatchIterator;
import org.tfseg.data.InputPipeline;
import org.tfseg.data.SamplePair;
import org.tfseg.sod.SodReport;
import org.tfseg.export.InferenceGraph;
import org.tfseg.export.Predictor;
import org.tfseg.export.SavedModelPredictor;
import org.tfseg.graph.Tensors;
import org.tfseg.metric.MetricGraph;
import org.tfseg.task.SegmentationTask;

/**
 * {@code tfseg eval EXPERIMENT.json}: the experiment's evaluation metrics on a split (test by
 * default), from a checkpoint (the newest run's best by default) or an exported SavedModel;
 * printed and written as JSON. With {@code "sod"} in {@code evaluation.metrics}: PySODMetrics at
 * the masks' original resolution ({@link SodScoring}), with PR and F-vs-threshold plots. With
 * {@code --pred-dir}: scores saved PNGs ({@link PredictionDirEval}).
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
    Options options = new Options().addOption(Cli.help()).addOption(Cli.set())
        .addOption(Cli.value("checkpoint", "PATH", "checkpoint prefix, checkpoint folder or run folder (default: newest run)"))
        .addOption(Cli.value("saved-model", "DIR", "evaluate an exported SavedModel instead"))
        .addOption(Cli.value("split", "NAME", "train, validation or test (default: evaluation.split)"))
        .addOption(Cli.value("out", "FILE", "where to write the JSON (default: the run's eval/ folder)"))
        .addOption(Cli.value("pred-dir", "DIR", "score saved prediction PNGs instead (no experiment)"))
        .addOption(Cli.value("gt-dir", "DIR", "the masks for --pred-dir"))
        .addOption(Cli.value("protocol", "NAME", "with --pred-dir: pysod (PySODMetrics, default) or basnet "
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
    Split split = split(line.getOptionValue("split"), e.evaluation().split());
    List<SamplePair> samples = task.splits().get(split);
    if (samples.isEmpty()) {
      throw new UserError("the " + split.name().toLowerCase(Locale.ROOT) + " split of " + e.name() + " is empty");
    }
    String savedModel = line.getOptionValue("saved-model");
    String checkpoint = savedModel == null ? CheckpointLocator.resolve(e, line.getOptionValue("checkpoint")) : null;
    String source = savedModel != null ? savedModel : checkpoint;
    String splitName = split.name().toLowerCase(Locale.ROOT);
    if (task.sodEvaluation()) {
      long start = System.nanoTime();
      SodReport report;
      try (Predictor predictor = predictor(task, savedModel, checkpoint)) {
        report = SodScoring.score(predictor, samples);
      }
      out.printf("%s on %d %s images (%s), %.1f s; PySODMetrics at each mask's original size%n", e.name(),
          samples.size(), splitName, source, (System.nanoTime() - start) / 1e9);
      out.print(report.toTable());
      Path file = line.hasOption("out") ? Path.of(line.getOptionValue("out")) : defaultOut(e, checkpoint, splitName);
      for (Path p : SodReportFiles.write(report, e.name(), file)) {
        out.println("written: " + p);
      }
      return 0;
    }
    Map<String, Double> results;
    long start = System.nanoTime();
    try (Predictor predictor = predictor(task, savedModel, checkpoint);
        MetricGraph metrics = new MetricGraph(task.evaluationMetrics(), task.height(), task.width(),
            task.model().numClasses());
        InputPipeline data = task.pipeline(samples, false);
        BatchIterator it = data.epoch(0)) {
      double maskSum = 0;
      long pixels = 0;
      while (it.hasNext()) {
        try (Batch b = it.next()) {
          metrics.add(predictor.predict(b.images()), b.masks());
          for (float v : Tensors.floats(b.masks())) {
            maskSum += v;
          }
          pixels += b.masks().shape().size();
        }
      }
      results = metrics.results();
      if (task.model().numClasses() == 1) {
        // The MAE of predicting background everywhere: the bar any salient-object model must beat.
        results.put("mae_all_background", maskSum / pixels);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    out.printf("%s on %d %s images (%s), %.1f s%n", e.name(), samples.size(), splitName, source, seconds);
    results.forEach((k, v) -> out.printf("  %-12s %.4f%n", k, v));
    Path file = line.hasOption("out") ? Path.of(line.getOptionValue("out")) : defaultOut(e, checkpoint, splitName);
    if (Files.exists(file)) {
      throw new UserError(file + ": already exists; refusing to overwrite (choose another --out)");
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode report = json.createObjectNode();
    report.put("experiment", e.name());
    report.put(savedModel != null ? "saved_model" : "checkpoint", source);
    report.put("split", splitName);
    report.put("images", samples.size());
    ObjectNode m = report.putObject("metrics");
    results.forEach(m::put);
    if (file.toAbsolutePath().getParent() != null) {
      Files.createDirectories(file.toAbsolutePath().getParent());
    }
    json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), report);
    out.println("written: " + file);
    return 0;
  }

  private static Predictor predictor(SegmentationTask task, String savedModel, String checkpoint) {
    return savedModel != null ? new SavedModelPredictor(Path.of(savedModel))
        : new InferenceGraph(task.model(), task.height(), task.width(), task.channels(), task.experiment().seed())
            .restore(checkpoint);
  }

  private static Split split(String arg, Split fallback) {
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

  /** {@code <run>/eval/<split>.json} next to the checkpoint's run, else under the experiment's folder. */
  private static Path defaultOut(Experiment e, String checkpoint, String split) {
    Path dir = e.experimentDir().resolve("eval");
    if (checkpoint != null) {
      Path ckptDir = Path.of(checkpoint).toAbsolutePath().getParent();
      if (ckptDir != null && ckptDir.getParent() != null && ckptDir.getParent().getFileName().toString().equals("checkpoints")) {
        dir = ckptDir.getParent().getParent().resolve("eval");
      }
    }
    return OutputFiles.fresh(dir, split, ".json");
  }
}
