package org.tfseg.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tfseg.UserError;
import org.tfseg.config.DataConfig;
import org.tfseg.data.ImageHeader;
import org.tfseg.export.ImageFiles;
import org.tfseg.export.SavedModelPredictor;
import org.tfseg.io.OutputPaths;
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
          + " [--format probability|binary|color|overlay] [--minmax] [--max-pixels N]";

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
            .addOption(
                Cli.value(
                    "output",
                    "DIR",
                    "a new or empty folder for the masks, not among the inputs (nothing replaced)"))
            .addOption(
                Cli.value(
                    "max-pixels",
                    "N",
                    "refuse images whose header claims more pixels (default "
                        + DataConfig.DEFAULT_MAX_IMAGE_PIXELS
                        + ", PIL's limit)"))
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
    long maxPixels = Cli.longValue(line, "max-pixels", DataConfig.DEFAULT_MAX_IMAGE_PIXELS);
    Path input = Path.of(line.getOptionValue("input"));
    Path outDir = Path.of(line.getOptionValue("output"));
    List<Path> images = ImageFiles.list(input);
    requireOutputFolder(outDir, input);
    for (Path image : images) {
      ImageHeader.read(image, maxPixels, "--max-pixels");
    }
    MaskFiles files = new MaskFiles(images, format, line.hasOption("minmax"));
    long start = System.nanoTime();
    try (SavedModelPredictor predictor =
        new SavedModelPredictor(Path.of(line.getOptionValue("saved-model")))) {
      Path staging = OutputPaths.partialSibling(outDir, "--output");
      try {
        files.write(predictor, staging);
        OutputPaths.commit(staging, outDir, "--output");
      } finally {
        OutputPaths.discard(staging);
      }
    }
    for (Path image : files.renamed()) {
      out.println(
          "note: "
              + image.getFileName()
              + " shares its base name with another input; its mask is "
              + files.targets().get(image));
    }
    out.printf(
        "wrote %d %s PNG(s) to %s in %.1f s%n",
        images.size(), format.option(), outDir, (System.nanoTime() - start) / 1e9);
    return 0;
  }

  /**
   * The masks go to a new or empty folder that is not where the inputs are: never among them (where
   * {@code a.png}'s mask would replace it), never beside other files.
   */
  private static void requireOutputFolder(Path outDir, Path input) throws IOException {
    if (Files.isDirectory(input)) {
      OutputPaths.requireOutside(outDir, input, "--output", "--input");
    } else {
      Path folder = input.toAbsolutePath().normalize().getParent();
      if (Files.isDirectory(outDir) && Files.isSameFile(outDir, folder)) {
        throw new UserError(
            "--output "
                + outDir
                + ": is the folder of --input "
                + input
                + "; refusing to write among the inputs (choose another folder)");
      }
    }
    if (Files.isDirectory(outDir)) {
      try (Stream<Path> entries = Files.list(outDir)) {
        long n = entries.count();
        if (n > 0) {
          throw new UserError(
              "--output "
                  + outDir
                  + ": not empty ("
                  + n
                  + (n == 1 ? " entry" : " entries")
                  + "); predict writes a new or empty folder, so that no file is replaced");
        }
      }
    } else if (Files.exists(outDir)) {
      throw new UserError("--output " + outDir + ": is a file, not a folder");
    }
    OutputPaths.requireCreatable(outDir, "--output");
  }
}
