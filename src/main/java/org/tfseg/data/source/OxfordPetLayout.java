package org.tfseg.data.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.tfseg.UserError;
import org.tfseg.data.LabelMap;
import org.tfseg.data.SamplePair;

/**
 * The official Oxford-IIIT Pet layout (images.tar.gz and annotations.tar.gz extracted into one
 * root): {@code root/images/<name>.jpg}, {@code root/annotations/trimaps/<name>.png} (1 pet, 2
 * border, 3 background) and the split lists {@code root/annotations/trainval.txt} and {@code
 * test.txt}, one {@code <name> <class-id> <species> <breed-id>} line per sample. Targets are class
 * labels {@code trimap − 1}: 0 pet, 1 border, 2 background.
 *
 * <p>A few official "JPEGs" are CMYK, greyscale or PNG data under a .jpg name; the pipeline's
 * decoder sniffs the format and converts to RGB, so they need no special case here.
 */
public final class OxfordPetLayout {
  public static final List<String> SPLITS = List.of("trainval", "test");

  private OxfordPetLayout() {}

  /** The split's samples, in the order of its list file. */
  public static List<SamplePair> list(Path root, String split) {
    if (!SPLITS.contains(split)) {
      throw new UserError("Oxford-IIIT Pet split '" + split + "' is not one of " + SPLITS);
    }
    Path listFile = root.resolve("annotations").resolve(split + ".txt");
    if (!Files.isRegularFile(listFile)) {
      throw new UserError(
          listFile
              + ": Oxford-IIIT Pet split list not found (expected the official "
              + "layout: <root>/images, <root>/annotations/{trimaps,"
              + split
              + ".txt})");
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(listFile);
    } catch (IOException e) {
      throw new UserError(listFile + ": cannot read split list: " + e.getMessage(), e);
    }
    List<SamplePair> samples = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String name = line.split("\\s+")[0];
      String where = listFile + ":" + (i + 1) + ": ";
      if (!seen.add(name)) {
        throw new UserError(where + name + " is listed twice");
      }
      Path image = root.resolve("images").resolve(name + ".jpg");
      Path trimap = root.resolve("annotations").resolve("trimaps").resolve(name + ".png");
      if (!Files.isRegularFile(image)) {
        throw new UserError(where + "image " + image + " not found");
      }
      if (!Files.isRegularFile(trimap)) {
        throw new UserError(where + "trimap " + trimap + " not found");
      }
      samples.add(new SamplePair(name, image, trimap, LabelMap.OXFORD_TRIMAP));
    }
    if (samples.isEmpty()) {
      throw new UserError(listFile + ": the split list names no samples");
    }
    return List.copyOf(samples);
  }
}
