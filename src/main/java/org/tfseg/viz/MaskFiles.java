package org.tfseg.viz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tfseg.UserError;
import org.tfseg.export.ImageFiles;
import org.tfseg.export.Mask;
import org.tfseg.export.Predictor;

/**
 * What {@code predict} writes: for each image {@code NAME.ext}, {@code OUT/NAME.png} drawn in a
 * {@link MaskFormat} at the image's own size. Existing files are never replaced.
 */
public final class MaskFiles {
  private final List<Path> images;
  private final Path outDir;
  private final MaskFormat format;
  private final boolean minMax;

  /**
   * Checks the request before anything is predicted.
   *
   * @throws UserError if {@code minMax} is asked for another format than probability, or an output
   *     file exists
   */
  public MaskFiles(List<Path> images, Path outDir, MaskFormat format, boolean minMax) {
    if (minMax && format != MaskFormat.PROBABILITY) {
      throw new UserError("--minmax applies to --format probability only");
    }
    for (Path image : images) {
      Path target = target(outDir, image);
      if (Files.exists(target)) {
        throw new UserError(
            target + ": already exists; refusing to overwrite (choose another --output)");
      }
    }
    this.images = List.copyOf(images);
    this.outDir = outDir;
    this.format = format;
    this.minMax = minMax;
  }

  /**
   * Predicts and writes every image.
   *
   * @throws UserError naming an image that cannot be decoded
   */
  public void write(Predictor predictor) throws IOException {
    Files.createDirectories(outDir);
    for (Path image : images) {
      Mask mask = predictor.predictFile(image);
      PngFiles.write(
          format.render(mask, minMax, () -> InputImage.read(image, mask.width(), mask.height())),
          target(outDir, image));
    }
  }

  private static Path target(Path outDir, Path image) {
    return outDir.resolve(ImageFiles.baseName(image) + ".png");
  }
}
