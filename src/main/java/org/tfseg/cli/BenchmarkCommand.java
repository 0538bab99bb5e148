package org.tfseg.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tfseg.config.Experiment;
import org.tfseg.data.PipelineBenchmark;
import org.tfseg.data.PipelineOptions;
import org.tfseg.graph.Tensors;
import org.tfseg.model.ModelSummary;
import org.tfseg.task.DataSplits;
import org.tfseg.task.SegmentationTask;
import org.tfseg.train.TrainingGraph;

/**
 * {@code tfseg benchmark EXPERIMENT.json}: timed training steps (forward, backward, optimizer) at
 * the experiment's input size and batch on a fixed random batch, after warm-up; or, with
 * {@code --data}, the input pipeline's images per second on the training split.
 */
final class BenchmarkCommand implements Command {
  private static final String USAGE = "tfseg benchmark EXPERIMENT.json [--steps N] [--warmup N] [--data] [--set k=v]...";

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
    Options options = new Options().addOption(Cli.help()).addOption(Cli.set())
        .addOption(Cli.value("steps", "N", "timed steps (default 10)"))
        .addOption(Cli.value("warmup", "N", "untimed steps first (default 2)"))
        .addOption(Option.builder().longOpt("data").desc("benchmark the input pipeline instead").build());
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
      PipelineOptions opts = new PipelineOptions(task.height(), task.width(), batch, true, e.seed(),
          d.parallelCalls(), d.prefetchBatches(), false);
      double ips = PipelineBenchmark.imagesPerSecond(splits.train(), opts, Cli.intValue(line, "steps", 3));
      out.printf("input pipeline: %.0f images/s (%d images at %dx%d, batch %d, %d parallel calls)%n", ips,
          splits.train().size(), task.height(), task.width(), batch, d.parallelCalls());
      return 0;
    }
    int steps = Cli.intValue(line, "steps", 10);
    int warmup = Cli.intValue(line, "warmup", 2);
    SplittableRandom r = new SplittableRandom(e.seed());
    int h = e.data().trainingSize().height();
    int w = e.data().trainingSize().width();
    float[] x = new float[batch * h * w * task.channels()];
    float[] y = new float[batch * h * w];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextDouble();
    }
    for (int i = 0; i < y.length; i++) {
      y[i] = r.nextDouble() < 0.3 ? 1f : 0f;
    }
    long startBuild = System.nanoTime();
    try (TrainingGraph g = new TrainingGraph(task.trainingSpec());
        TFloat32 xt = Tensors.of(Shape.of(batch, h, w, task.channels()), x);
        TFloat32 yt = Tensors.of(Shape.of(batch, h, w, 1), y)) {
      ModelSummary s = ModelSummary.of(task.model(), task.height(), task.width(), task.channels(), e.seed());
      out.printf("%s: %s params, input %dx%dx%d, batch %d; graph built in %.1f s%n", e.name(),
          ModelSummary.group(s.total()), h, w, task.channels(), batch,
          (System.nanoTime() - startBuild) / 1e9);
      for (int i = 0; i < warmup; i++) {
        g.train(xt, yt);
      }
      double[] ms = new double[steps];
      for (int i = 0; i < steps; i++) {
        long t0 = System.nanoTime();
        g.train(xt, yt);
        ms[i] = (System.nanoTime() - t0) / 1e6;
      }
      double[] sorted = ms.clone();
      Arrays.sort(sorted);
      double mean = Arrays.stream(ms).average().orElse(0);
      out.printf("training step: mean %.1f ms, median %.1f ms, min %.1f ms, max %.1f ms over %d steps (%d warm-up)%n",
          mean, sorted[steps / 2], sorted[0], sorted[steps - 1], steps, warmup);
      out.printf("throughput: %.2f images/s; %d cores available%n", batch * 1000.0 / mean,
          Runtime.getRuntime().availableProcessors());
    }
    return 0;
  }
}
