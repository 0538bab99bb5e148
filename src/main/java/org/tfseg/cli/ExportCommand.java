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

/**
 * {@code tfseg export EXPERIMENT.json --out DIR [--layout saved-model|tf-serving]}: a SavedModel of
 * the inference graph in {@code DIR}, or the next version {@code DIR/NAME/VERSION/} of TF Serving's
 * layout.
 */
final class ExportCommand implements Command {
  private static final String USAGE =
      "tfseg export EXPERIMENT.json [--checkpoint PATH] --out DIR"
          + " [--layout saved-model|tf-serving] [--model-name NAME]";

  @Override
  public String name() {
    return "export";
  }

  @Override
  public String summary() {
    return "write a SavedModel (float images, one or a batch of JPEG/PNG), or a TF Serving version";
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
            .addOption(
                Cli.value(
                    "out",
                    "DIR",
                    "saved-model: the new SavedModel directory (must not exist); tf-serving: the"
                        + " model base path (the version goes to DIR/NAME/VERSION)"))
            .addOption(Cli.value("layout", "LAYOUT", "saved-model (default) or tf-serving"))
            .addOption(
                Cli.value(
                    "model-name",
                    "NAME",
                    "tf-serving: the model's name (default: the experiment's)"));
    CommandLine line = Cli.parse(options, args, USAGE, out);
    if (line == null) {
      return 0;
    }
    if (!line.hasOption("out")) {
      throw new UserError("--out DIR is required (usage: " + USAGE + ")");
    }
    String layout = line.getOptionValue("layout", "saved-model");
    if (!layout.equals("saved-model") && !layout.equals("tf-serving")) {
      throw new UserError("--layout: expected saved-model or tf-serving, got '" + layout + "'");
    }
    Path dir = Path.of(line.getOptionValue("out"));
    if (layout.equals("tf-serving")) {
      OutputPaths.requireCreatable(dir, "--out");
    } else {
      OutputPaths.requireNew(dir, "--out");
    }
    Experiment e = Cli.experiment(line, USAGE);
    SegmentationTask task = new SegmentationTask(e);
    String checkpoint = CheckpointLocator.resolve(e, line.getOptionValue("checkpoint"));
    if (layout.equals("tf-serving")) {
      dir = task.exportForServing(checkpoint, dir, line.getOptionValue("model-name", e.name()));
    } else {
      task.export(checkpoint, dir);
    }
    out.printf("exported %s (from %s) to %s%n", e.name(), checkpoint, dir);
    out.printf(
        "  %s: images float32 [N,%d,%d,%d] in [0,1] -> probabilities%n",
        ServingSignatures.DEFAULT, task.height(), task.width(), task.channels());
    out.printf("  %s: image_bytes (one JPEG/PNG) -> mask%n", ServingSignatures.IMAGE_BYTES);
    out.printf(
        "  %s: image_bytes [N] -> mask [N,hmax,wmax,C] padded, size [N,2]%n",
        ServingSignatures.IMAGE_BYTES_BATCH);
    return 0;
  }
}
