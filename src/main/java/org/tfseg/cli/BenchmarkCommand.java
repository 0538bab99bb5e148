package org.tfseg.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tfseg.UserError;
import org.tfseg.config.Experiment;
import org.tfseg.data.DataSplits;
import org.tfseg.data.InputPipeline;
import org.tfseg.data.PipelineBenchmark;
import org.tfseg.export.InferenceBenchmark;
import org.tfseg.export.InferenceGraph;
import org.tfseg.io.OutputPaths;
import org.tfseg.model.ModelSummary;
import org.tfseg.run.CheckpointLocator;
import org.tfseg.runtime.ProcessMemory;
import org.tfseg.task.SegmentationTask;
import org.tfseg.train.AllocationTrace;
import org.tfseg.train.StepBenchmark;

/**
 * {@code tfseg benchmark EXPERIMENT.json}: timed training steps (forward, backward, optimizer) at
 * the experiment's input size and batch on a fixed random batch, after warm-up; with {@code
 * --inference}, the exported serving graph's batch-1 latency and batched throughput; with {@code
 * --data}, the input pipeline's images per second on the training split.
 */
final class BenchmarkCommand implements Command {
  private static final String USAGE =
      "tfseg benchmark EXPERIMENT.json [--steps N] [--warmup N] [--memory | --data | --inference"
          + " [--checkpoint PATH]] [--set k=v]...";

  @Override
  public String name() {
    return "benchmark";
  }

  @Override
  public String summary() {
    return "measure ms per training step (serving latency with --inference, input-pipeline"
        + " images/s with --data)";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    Options options =
        new Options()
            .addOption(Cli.help())
            .addOption(Cli.set())
            .addOption(
                Cli.value("steps", "N", "timed steps (default 10; --inference: calls, default 20)"))
            .addOption(Cli.value("warmup", "N", "untimed steps first (default 2; 0 allowed)"))
            .addOption(
                Option.builder()
                    .longOpt("memory")
                    .desc(
                        "after the timed steps, trace one more and print where TensorFlow's"
                            + " allocator memory goes (held between steps, peak, by op type)")
                    .build())
            .addOption(
                Option.builder()
                    .longOpt("data")
                    .desc("benchmark the input pipeline instead")
                    .build())
            .addOption(
                Option.builder()
                    .longOpt("inference")
                    .desc(
                        "benchmark the exported serving graph (BatchNorm folded) instead: batch-1"
                            + " p50/p99 and batched images/s")
                    .build())
            .addOption(
                Cli.value(
                    "checkpoint",
                    "PATH",
                    "--inference: serve this checkpoint's weights (default: fresh initial weights)"));
    CommandLine line = Cli.parse(options, args, USAGE, out);
    if (line == null) {
      return 0;
    }
    Experiment e = Cli.experiment(line, USAGE);
    SegmentationTask task = new SegmentationTask(e);
    int batch = e.training().batchSize();
    if (Stream.of("memory", "data", "inference").filter(line::hasOption).count() > 1) {
      throw new UserError("--memory, --data and --inference: choose one (usage: " + USAGE + ")");
    }
    if (line.hasOption("inference")) {
      return inference(e, task, line, out);
    }
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
            Cli.intValue(line, "warmup", 2, 0),
            Cli.intValue(line, "steps", 10),
            e.seed(),
            line.hasOption("memory"));
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
    printPeakRss(out, "precision " + e.training().precision().name().toLowerCase(Locale.ROOT));
    if (b.memory() != null) {
      printMemory(out, b.memory(), b.summary().total());
    }
    return 0;
  }

  /** The allocation trace, and this process's resident memory by kind. */
  private static void printMemory(PrintStream out, AllocationTrace m, long parameters) {
    out.printf(
        "TensorFlow allocator: %s held between steps (variables: weights, optimizer slots,"
            + " BatchNorm statistics; the %s parameters alone are %s in float32), peak %s during"
            + " the step (+%s: activations kept for the backward pass, gradients, temporaries)%n",
        size(m.heldBytes()),
        ModelSummary.group(parameters),
        size(parameters * 4),
        size(m.peakBytes()),
        size(m.peakBytes() - m.heldBytes()));
    out.println("allocated during the step, by op type:");
    m.byOpType().stream()
        .limit(12)
        .forEach(a -> out.printf("  %-32s %5d ops %10s%n", a.opType(), a.count(), size(a.bytes())));
    ProcessMemory p = ProcessMemory.now();
    if (p != null) {
      Runtime jvm = Runtime.getRuntime();
      out.printf(
          "process now: %s resident = %s anonymous (TensorFlow's allocator pool, runtime, JVM;"
              + " JVM heap objects %s) + %s mapped files (native libraries' code)%n",
          size(p.residentBytes()),
          size(p.anonymousBytes()),
          size(jvm.totalMemory() - jvm.freeMemory()),
          size(p.fileBytes()));
    }
  }

  private static String size(long bytes) {
    return bytes >= 100_000_000
        ? String.format(Locale.ROOT, "%.2f GB", bytes / 1e9)
        : String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
  }

  private static int inference(
      Experiment e, SegmentationTask task, CommandLine line, PrintStream out) throws Exception {
    int h = task.height();
    int w = task.width();
    int c = task.channels();
    int batch = e.training().batchSize();
    InferenceBenchmark.Result r;
    try (InferenceGraph plain =
        line.hasOption("checkpoint")
            ? task.inferenceGraph(CheckpointLocator.resolve(e, line.getOptionValue("checkpoint")))
            : task.inferenceGraph().initialized()) {
      r =
          InferenceBenchmark.run(
              plain,
              h,
              w,
              c,
              batch,
              Cli.intValue(line, "warmup", 2),
              Cli.intValue(line, "steps", 20));
    }
    out.printf(
        "%s: serving graph %dx%dx%d, %d BatchNorm layers folded into convolutions; exported and"
            + " loaded in %.1f s; max |served - unfolded| probability %.2g%n",
        e.name(), h, w, c, r.foldedBatchNorms(), r.buildSeconds(), r.maxDifference());
    out.printf(
        "batch-1 latency, SavedModel (folded): p50 %.1f ms, p99 %.1f ms; unfolded tower: p50 %.1f"
            + " ms, p99 %.1f ms (%d calls each, interleaved)%n",
        r.served().p50(),
        r.served().p99(),
        r.unfolded().p50(),
        r.unfolded().p99(),
        r.served().millis().length);
    out.printf(
        "batch %d throughput: SavedModel %.2f images/s, unfolded %.2f images/s; %d cores%n",
        r.batch(),
        r.batchedImagesPerSecond(),
        r.unfoldedBatchedImagesPerSecond(),
        Runtime.getRuntime().availableProcessors());
    printPeakRss(out, "inference");
    return 0;
  }

  private static void printPeakRss(PrintStream out, String what) {
    ProcessMemory p = ProcessMemory.now();
    if (p != null) {
      // kB / 10^6, the unit of the README's /usr/bin/time figures
      out.printf("peak RSS: %.2f GB (%s)%n", p.peakBytes() / 1024 / 1e6, what);
    }
  }
}
