package org.tfseg.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.tfseg.UserError;
import org.tfseg.config.Experiment;
import org.tfseg.export.ServingSignatures;
import org.tfseg.io.OutputPaths;
import org.tfseg.run.CheckpointLocator;
import org.tfseg.task.SegmentationTask;

/** {@code tfseg export EXPERIMENT.json --out DIR}: a SavedModel of the inference graph. */
final class ExportCommand implements Command {
  private static final String USAGE = "tfseg export EXPERIMENT.json [--checkpoint PATH] --out DIR";

  @Override
  public String name() {
    return "export";
  }

  @Override
  public String summary() {
    return "write a SavedModel (serving_default on float images, serving_image_bytes on JPEG/PNG)";
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
            .addOption(Cli.value("out", "DIR", "the new SavedModel directory (must not exist)"));
    CommandLine line = Cli.parse(options, args, USAGE, out);
    if (line == null) {
      return 0;
    }
    if (!line.hasOption("out")) {
      throw new UserError("--out DIR is required (usage: " + USAGE + ")");
    }
    Path dir = Path.of(line.getOptionValue("out"));
    OutputPaths.requireNew(dir, "--out");
    Experiment e = Cli.experiment(line, USAGE);
    SegmentationTask task = new SegmentationTask(e);
    String checkpoint = CheckpointLocator.resolve(e, line.getOptionValue("checkpoint"));
    task.export(checkpoint, dir);
    out.printf("exported %s (from %s) to %s%n", e.name(), checkpoint, dir);
    out.printf(
        "  %s: %s float32 [N,%d,%d,%d] in [0,1] -> %s%n",
        ServingSignatures.DEFAULT,
        ServingSignatures.IMAGES,
        task.height(),
        task.width(),
        task.channels(),
        ServingSignatures.PROBABILITIES);
    out.printf(
        "  %s: %s (one encoded JPEG/PNG) -> %s at the image's size%n",
        ServingSignatures.IMAGE_BYTES, ServingSignatures.BYTES_INPUT, ServingSignatures.MASK);
    return 0;
  }
}
