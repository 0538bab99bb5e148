package org.tfseg.sod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tfseg.UserError;

/**
 * Prediction and mask PNGs paired by base name (file name without {@code .png}).
 *
 * <p>Every prediction needs a mask and every mask a prediction; either gap is a {@link UserError}
 * (an evaluation over a silently smaller set would not be comparable with published numbers).
 */
public final class ImagePairs {
  /** One pair: the id is the mask's file name (as in PySODMetrics' per-image listings). */
  public record Pair(String id, Path prediction, Path mask) {
    /**
     * Loads both files; a prediction of another size is resized to the mask's size with {@link
     * PilBilinear}.
     */
    public Loaded load() {
      GreyImage m = GreyImage.read(mask);
      GreyImage p = GreyImage.read(prediction);
      if (p.width() != m.width() || p.height() != m.height()) {
        p = PilBilinear.resize(p, m.width(), m.height());
      }
      return new Loaded(id, p, m);
    }
  }

  /** A loaded pair, both images of the mask's size. */
  public record Loaded(String id, GreyImage prediction, GreyImage mask) {}

  private ImagePairs() {}

  public static List<Pair> of(Path predDir, Path gtDir) {
    Map<String, Path> preds = pngs(predDir, "prediction");
    Map<String, Path> masks = pngs(gtDir, "mask");
    if (preds.isEmpty()) {
      throw new UserError(predDir + ": no .png predictions in this directory");
    }
    List<Pair> pairs = new ArrayList<>();
    for (Map.Entry<String, Path> e : preds.entrySet()) {
      Path mask = masks.get(e.getKey());
      if (mask == null) {
        throw new UserError(e.getValue() + ": no mask " + e.getKey() + ".png in " + gtDir);
      }
      pairs.add(new Pair(mask.getFileName().toString(), e.getValue(), mask));
    }
    List<String> unmatched = new ArrayList<>(masks.keySet());
    unmatched.removeAll(preds.keySet());
    if (!unmatched.isEmpty()) {
      throw new UserError(
          gtDir
              + ": "
              + unmatched.size()
              + " mask(s) have no prediction in "
              + predDir
              + ", e.g. "
              + masks.get(unmatched.get(0)).getFileName());
    }
    return pairs;
  }

  private static Map<String, Path> pngs(Path dir, String what) {
    if (!Files.isDirectory(dir)) {
      throw new UserError(dir + ": " + what + " directory does not exist");
    }
    Map<String, Path> byBase = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : (Iterable<Path>) s::iterator) {
        String name = f.getFileName().toString();
        if (Files.isRegularFile(f) && name.toLowerCase(Locale.ROOT).endsWith(".png")) {
          String base = name.substring(0, name.length() - 4);
          Path prev = byBase.put(base, f);
          if (prev != null) {
            throw new UserError(f + ": same base name as " + prev.getFileName());
          }
        }
      }
    } catch (IOException e) {
      throw new UserError(dir + ": cannot list directory (" + e.getMessage() + ")", e);
    }
    return byBase;
  }
}
