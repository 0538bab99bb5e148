package org.tfseg.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.exceptions.TensorFlowException;
import org.tfseg.UserError;
import org.tfseg.export.ImageFiles;
import org.tfseg.export.Mask;
import org.tfseg.export.MaskPng;
import org.tfseg.export.SavedModelPredictor;

/**
 * {@code tfseg predict --saved-model DIR --input FILE_OR_DIR --output DIR}: one mask PNG per image,
 * at the image's original size (the SavedModel's image-bytes signature resizes back).
 */
final class PredictCommand implements Command {
  private static final String USAGE =
      "tfseg predict --saved-model DIR --input FILE_OR_DIR --output DIR [--minmax]";

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
                    "folder for the masks (created if absent; files are never replaced)"))
            .addOption(
                org.apache.commons.cli.Option.builder()
                    .longOpt("minmax")
                    .desc(
                        "min-max normalise each probability map before writing (the BASNet test script's output)")
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
    List<Path> images = ImageFiles.list(Path.of(line.getOptionValue("input")));
    Path outDir = Path.of(line.getOptionValue("output"));
    Files.createDirectories(outDir);
    for (Path image : images) {
      Path target = outDir.resolve(ImageFiles.baseName(image) + ".png");
      if (Files.exists(target)) {
        throw new UserError(
            target + ": already exists; refusing to overwrite (choose another --output)");
      }
    }
    long start = System.nanoTime();
    try (SavedModelPredictor predictor =
        new SavedModelPredictor(Path.of(line.getOptionValue("saved-model")))) {
      for (Path image : images) {
        Mask mask;
        try {
          mask = predictor.predictEncoded(Files.readAllBytes(image));
        } catch (TFInvalidArgumentException | TensorFlowException ex) {
          throw new UserError(image + ": cannot decode image: " + firstLine(ex.getMessage()));
        }
        MaskPng.write(
            mask, line.hasOption("minmax"), outDir.resolve(ImageFiles.baseName(image) + ".png"));
      }
    }
    out.printf(
        "wrote %d mask(s) to %s in %.1f s%n",
        images.size(), outDir, (System.nanoTime() - start) / 1e9);
    return 0;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("").trim();
  }
}
