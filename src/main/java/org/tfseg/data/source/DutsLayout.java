package org.tfseg.data.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tfseg.UserError;
import org.tfseg.data.SamplePair;

/**
 * The official DUTS folder layout: {@code root/DUTS-TR/DUTS-TR-Image/*.jpg} with {@code
 * root/DUTS-TR/DUTS-TR-Mask/*.png} (likewise {@code DUTS-TE}). {@code root} may also be the subset
 * folder itself.
 */
public final class DutsLayout {
  private DutsLayout() {}

  /** The subset's pairs sorted by id; {@code subset} is {@code "DUTS-TR"} or {@code "DUTS-TE"}. */
  public static List<SamplePair> list(Path root, String subset) {
    if (!subset.equals("DUTS-TR") && !subset.equals("DUTS-TE")) {
      throw new UserError("DUTS subset '" + subset + "' is not DUTS-TR or DUTS-TE");
    }
    Path subsetDir = root.resolve(subset);
    if (!Files.isDirectory(subsetDir.resolve(subset + "-Image"))
        && Files.isDirectory(root.resolve(subset + "-Image"))) {
      subsetDir = root;
    }
    Path images = subsetDir.resolve(subset + "-Image");
    if (!Files.isDirectory(images)) {
      throw new UserError(
          images
              + ": DUTS image folder not found (expected "
              + root
              + "/"
              + subset
              + "/"
              + subset
              + "-Image or "
              + root
              + "/"
              + subset
              + "-Image)");
    }
    return FolderPairs.list(images, subsetDir.resolve(subset + "-Mask"));
  }
}
