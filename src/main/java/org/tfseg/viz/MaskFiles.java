package org.tfseg.viz;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tfseg.UserError;
import org.tfseg.export.ImageFiles;
import org.tfseg.export.Mask;
import org.tfseg.export.Predictor;

/**
 * What {@code predict} writes: for each image {@code NAME.ext}, {@code NAME.png} drawn in a {@link
 * MaskFormat} at the image's own size. Inputs that share a base name ({@code a.jpg}, {@code a.png})
 * keep their extension instead ({@code a.jpg.png}, {@code a.png.png}), so that no mask replaces
 * another; names that would still collide are refused.
 */
public final class MaskFiles {
  private final Map<Path, String> targets;
  private final MaskFormat format;
  private final boolean minMax;

  /**
   * Checks the request before anything is predicted.
   *
   * @throws UserError if {@code minMax} is asked for another format than probability, or two inputs
   *     would get the same mask file
   */
  public MaskFiles(List<Path> images, MaskFormat format, boolean minMax) {
    if (minMax && format != MaskFormat.PROBABILITY) {
      throw new UserError("--minmax applies to --format probability only");
    }
    this.targets = names(images);
    this.format = format;
    this.minMax = minMax;
  }

  /** The mask file name of each image, in input order. */
  public Map<Path, String> targets() {
    return targets;
  }

  /** Inputs whose mask keeps their extension because another input shares their base name. */
  public List<Path> renamed() {
    List<Path> out = new ArrayList<>();
    targets.forEach(
        (image, name) -> {
          if (!name.equals(ImageFiles.baseName(image) + ".png")) {
            out.add(image);
          }
        });
    return out;
  }

  /**
   * Predicts and writes every image into {@code dir}.
   *
   * @throws UserError naming an image that cannot be decoded
   */
  public void write(Predictor predictor, Path dir) throws IOException {
    for (Map.Entry<Path, String> t : targets.entrySet()) {
      Path image = t.getKey();
      Mask mask = predictor.predictFile(image);
      PngFiles.write(
          format.render(mask, minMax, () -> InputImage.read(image, mask.width(), mask.height())),
          dir.resolve(t.getValue()));
    }
  }

  private static Map<Path, String> names(List<Path> images) {
    Map<String, Integer> bases = new HashMap<>();
    for (Path image : images) {
      bases.merge(key(ImageFiles.baseName(image)), 1, Integer::sum);
    }
    Map<Path, String> out = new LinkedHashMap<>();
    Map<String, Path> taken = new HashMap<>();
    for (Path image : images) {
      String base = ImageFiles.baseName(image);
      String name = (bases.get(key(base)) > 1 ? image.getFileName().toString() : base) + ".png";
      Path other = taken.putIfAbsent(key(name), image);
      if (other != null) {
        throw new UserError(
            image
                + ": its mask would be "
                + name
                + ", as that of "
                + other
                + "; rename one of them");
      }
      out.put(image, name);
    }
    return out;
  }

  /** Names compared as a case-insensitive file system would. */
  private static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}
