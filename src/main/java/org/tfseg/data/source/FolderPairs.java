package org.tfseg.data.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.tfseg.UserError;
import org.tfseg.data.SamplePair;

/**
 * Pairs the files of an images folder with those of a masks folder by base name ({@code a.jpg} ↔
 * {@code a.png}). Strict on purpose: an unmatched or unsupported file is a user error rather than a
 * silently smaller data set. Hidden files and subfolders are ignored.
 */
public final class FolderPairs {
  static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp");
  static final Set<String> MASK_EXTENSIONS = Set.of("png", "jpg", "jpeg", "bmp");

  private FolderPairs() {}

  /** All pairs, sorted by id. */
  public static List<SamplePair> list(Path imagesDir, Path masksDir) {
    Map<String, Path> images = filesByBaseName(imagesDir, IMAGE_EXTENSIONS, "image");
    Map<String, Path> masks = filesByBaseName(masksDir, MASK_EXTENSIONS, "mask");
    if (images.isEmpty()) {
      throw new UserError(imagesDir + ": no images found (expected .jpg/.jpeg/.png/.bmp files)");
    }
    requireCounterparts(images, masks, "image has no mask with the same base name in " + masksDir);
    requireCounterparts(masks, images, "mask has no image with the same base name in " + imagesDir);
    List<SamplePair> pairs = new ArrayList<>(images.size());
    images.forEach((id, image) -> pairs.add(new SamplePair(id, image, masks.get(id))));
    return List.copyOf(pairs);
  }

  private static void requireCounterparts(
      Map<String, Path> files, Map<String, Path> others, String problem) {
    List<Path> unmatched =
        files.entrySet().stream()
            .filter(e -> !others.containsKey(e.getKey()))
            .map(Map.Entry::getValue)
            .toList();
    if (!unmatched.isEmpty()) {
      String more = unmatched.size() > 1 ? " (and " + (unmatched.size() - 1) + " more)" : "";
      throw new UserError(unmatched.get(0) + ": " + problem + more);
    }
  }

  /** Base name → file, sorted by base name (a TreeMap, so the pair order is the id order). */
  private static Map<String, Path> filesByBaseName(Path dir, Set<String> extensions, String kind) {
    if (!Files.isDirectory(dir)) {
      throw new UserError(dir + ": " + kind + " folder not found");
    }
    Map<String, Path> byName = new TreeMap<>();
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path file : entries.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.startsWith(".") || Files.isDirectory(file) || Files.isHidden(file)) {
          continue;
        }
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        if (!extensions.contains(ext)) {
          throw new UserError(
              file + ": unsupported " + kind + " file type (expected one of " + extensions + ")");
        }
        Path previous = byName.put(name.substring(0, dot), file);
        if (previous != null) {
          throw new UserError(
              file
                  + ": two "
                  + kind
                  + " files share the base name (the other is "
                  + previous
                  + ")");
        }
      }
    } catch (IOException e) {
      throw new UserError(dir + ": cannot list " + kind + " folder: " + e.getMessage(), e);
    }
    return byName;
  }
}
