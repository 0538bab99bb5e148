package org.tfseg.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tfseg.UserError;
import org.tfseg.export.ImageFiles;
import org.tfseg.export.SavedModelPredictor;
import org.tfseg.viz.MaskFiles;
import org.tfseg.viz.MaskFormat;

/**
 * {@code tfseg predict --saved-model DIR --input FILE_OR_DIR --output DIR [--format F]}: one mask
 * PNG per image, at the image's original size (the SavedModel's image-bytes signature resizes
 * back), drawn as {@link MaskFormat} says.
 */
final class PredictCommand implements Command {
  private static final String USAGE =
      "tfseg predict --saved-model DIR --input FILE_OR_DIR --output DIR"
          + " [--format probability|binary|color|overlay] [--minmax]";

  @Override
  public String name() {
    return "predict";
  }

  @Override
  public String summary() {
    return "write mask PNGs for images with an exported SavedModel";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    Options options =
        new Options()
            .addOption(Cli.help())
            .addOption(Cli.value("saved-model", "DIR", "a SavedModel written by 'tfseg export'"))
            .addOption(Cli.value("input", "FILE_OR_DIR", "an image, or a folder of images"))
            .addOption(Cli.value("output", "DIR", "folder for the masks (files never replaced)"))
            .addOption(
                Cli.value(
                    "format",
                    "F",
                    "probability (grey 255·p, default), binary (p > 0.5: 0/255), color (palette"
                        + " colour per class) or overlay (the image blended with the colours)"))
            .addOption(
                Option.builder()
                    .longOpt("minmax")
                    .desc(
                        "min-max normalise each probability map (the BASNet test script's output)")
                    .build());
    CommandLine line = Cli.parse(options, args, USAGE, out);
    if (line == null) {
      return 0;
    }
    for (String required : List.of("saved-model", "input", "output")) {
      if (!line.hasOption(required)) {
        throw new UserError("--" + required + " is required (usage: " + USAGE + ")");
      }
    }
    MaskFormat format = MaskFormat.parse(line.getOptionValue("format"));
    List<Path> images = ImageFiles.list(Path.of(line.getOptionValue("input")));
    Path outDir = Path.of(line.getOptionValue("output"));
    MaskFiles files = new MaskFiles(images, outDir, format, line.hasOption("minmax"));
    long start = System.nanoTime();
    try (SavedModelPredictor predictor =
        new SavedModelPredictor(Path.of(line.getOptionValue("saved-model")))) {
      files.write(predictor);
    }
    out.printf(
        "wrote %d %s PNG(s) to %s in %.1f s%n",
        images.size(), format.option(), outDir, (System.nanoTime() - start) / 1e9);
    return 0;
  }
}
