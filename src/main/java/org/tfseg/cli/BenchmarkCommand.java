package org.tfseg.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tfseg.config.Experiment;
import org.tfseg.data.DataSplits;
import org.tfseg.data.InputPipeline;
import org.tfseg.data.PipelineBenchmark;
import org.tfseg.io.OutputPaths;
import org.tfseg.model.ModelSummary;
import org.tfseg.task.SegmentationTask;
import org.tfseg.train.StepBenchmark;

/**
 * {@code tfseg benchmark EXPERIMENT.json}: timed training steps (forward, backward, optimizer) at
 * the experiment's input size and batch on a fixed random batch, after warm-up; or, with {@code
 * --data}, the input pipeline's images per second on the training split.
 */
final class BenchmarkCommand implements Command {
  private static final String USAGE =
      "tfseg benchmark EXPERIMENT.json [--steps N] [--warmup N] [--data] [--set k=v]...";

  @Override
  public String name() {
    return "benchmark";
  }

  @Override
  public String summary() {
    return "measure ms per training step (or input-pipeline images/s with --data)";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    Options options =
        new Options()
            .addOption(Cli.help())
            .addOption(Cli.set())
            .addOption(Cli.value("steps", "N", "timed steps (default 10)"))
            .addOption(Cli.value("warmup", "N", "untimed steps first (default 2)"))
            .addOption(
                Option.builder()
                    .longOpt("data")
                    .desc("benchmark the input pipeline instead")
                    .build());
    CommandLine line = Cli.parse(options, args, USAGE, out);
    if (line == null) {
      return 0;
    }
    Experiment e = Cli.experiment(line, USAGE);
    SegmentationTask task = new SegmentationTask(e);
    int batch = e.training().batchSize();
    if (line.hasOption("data")) {
      DataSplits splits = task.splits();
      var d = e.data();
      Path cacheDir = Files.createTempDirectory("tfseg-benchmark-cache");
      PipelineBenchmark.Result r;
      try (InputPipeline pipeline = task.pipeline(splits.train(), true, cacheDir)) {
        r = PipelineBenchmark.run(pipeline, Cli.intValue(line, "steps", 3));
      } finally {
        OutputPaths.discard(cacheDir);
      }
      out.printf(
          "input pipeline: %.0f images/s (%d images at %dx%d, batch %d, %d parallel calls,"
              + " cache %s, %s); first epoch %.2f s, later epochs %.2f s each%n",
          r.imagesPerSecond(),
          splits.train().size(),
          task.height(),
          task.width(),
          batch,
          d.parallelCalls(),
          d.cache().name().toLowerCase(Locale.ROOT),
          d.augmentation() != null ? "augmented" : "not augmented",
          r.firstEpochSeconds(),
          r.seconds() / Cli.intValue(line, "steps", 3));
      return 0;
    }
    var t = e.data().trainingSize();
    StepBenchmark.Result b =
        StepBenchmark.run(
            task.trainingSpec(),
            batch,
            Cli.intValue(line, "warmup", 2),
            Cli.intValue(line, "steps", 10),
            e.seed());
    out.printf(
        "%s: %s params, input %dx%dx%d, batch %d; graph built in %.1f s%n",
        e.name(),
        ModelSummary.group(b.summary().total()),
        t.height(),
        t.width(),
        task.channels(),
        batch,
        b.buildSeconds());
    out.printf(
        "training step: mean %.1f ms, median %.1f ms, min %.1f ms, max %.1f ms over %d steps (%d warm-up)%n",
        b.mean(), b.median(), b.min(), b.max(), b.stepMillis().length, b.warmup());
    out.printf(
        "throughput: %.2f images/s; %d cores available%n",
        batch * 1000.0 / b.mean(), Runtime.getRuntime().availableProcessors());
    return 0;
  }
}
