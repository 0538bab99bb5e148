package org.tfseg.data.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.tfseg.UserError;
import org.tfseg.data.SamplePair;
import org.tfseg.io.AtomicFiles;

/**
 * Writes a deterministic synthetic salient-object data set: {@code dir/images/00000.png} (RGB),
 * {@code dir/masks/00000.png} (8-bit grey, 0/255) rendered by {@link SyntheticScene}, and a {@code
 * dir/tfseg-synthetic.json} manifest of the parameters.
 *
 * <p>Sample {@code i} depends only on (seed, i, height, width). The set is written to a hidden
 * temporary sibling and moved into place, so {@code dir} is either complete or absent; an existing
 * non-empty {@code dir} is never written to unless its manifest matches (then nothing is done).
 */
public final class SyntheticSalientData {
  static final String MANIFEST = "tfseg-synthetic.json";

  /** Raise when the rendering changes, so that old sets are not taken for new ones. */
  static final int VERSION = 1;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The manifest's content. */
  record Manifest(String generator, int version, int count, int height, int width, long seed) {}

  private SyntheticSalientData() {}

  /** Generates the set unless {@code dir} already holds it; returns its pairs, sorted by id. */
  public static List<SamplePair> generate(Path dir, int count, int height, int width, long seed) {
    if (count < 1 || height < 8 || width < 8) {
      throw new UserError(
          "synthetic data needs count >= 1 and size >= 8x8, got "
              + count
              + " of "
              + height
              + "x"
              + width);
    }
    Manifest wanted =
        new Manifest("tfseg.SyntheticSalientData", VERSION, count, height, width, seed);
    if (!matchesManifest(dir, wanted)) {
      if (Files.exists(dir) && !isEmptyDirectory(dir)) {
        throw new UserError(
            dir
                + ": exists and was not generated with these parameters ("
                + describe(wanted)
                + "); refusing to overwrite");
      }
      write(dir, wanted);
    }
    return FolderPairs.list(dir.resolve("images"), dir.resolve("masks"));
  }

  private static void write(Path dir, Manifest manifest) {
    Path target = dir.toAbsolutePath().normalize();
    Path temp = null;
    try {
      Path parent = Files.createDirectories(target.getParent());
      temp = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
      AtomicFiles.readable(temp);
      Path images = Files.createDirectory(temp.resolve("images"));
      Path masks = Files.createDirectory(temp.resolve("masks"));
      IntStream.range(0, manifest.count())
          .parallel()
          .forEach(i -> writeSample(images, masks, i, manifest));
      JSON.writeValue(temp.resolve(MANIFEST).toFile(), manifest);
      try {
        if (Files.isDirectory(target)) {
          Files.delete(target); // empty, checked by the caller (unless another process filled it)
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        temp = null;
      } catch (FileSystemException raced) {
        // Another process generated the same data meanwhile: theirs is as good as ours. (An atomic
        // rename onto a filled directory fails with a plain FileSystemException, "Directory not
        // empty", not a DirectoryNotEmptyException.)
        if (!Files.isDirectory(target)) {
          throw raced;
        }
        if (!matchesManifest(target, manifest)) {
          throw new UserError(
              dir + ": another process wrote different synthetic data here meanwhile");
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new UserError(dir + ": cannot write synthetic data: " + e.getMessage(), e);
    } finally {
      deleteQuietly(temp);
    }
  }

  private static void writeSample(Path images, Path masks, int index, Manifest m) {
    // Golden-ratio spacing keeps the per-sample seeds of neighbouring indices unrelated.
    long sampleSeed = m.seed() * 0x9E3779B97F4A7C15L + index * 0xBF58476D1CE4E5B9L + index;
    SyntheticScene.Rendered scene = SyntheticScene.render(sampleSeed, m.height(), m.width());
    String name = String.format("%05d.png", index);
    try {
      ImageIO.write(scene.image(), "png", images.resolve(name).toFile());
      ImageIO.write(scene.mask(), "png", masks.resolve(name).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean matchesManifest(Path dir, Manifest wanted) {
    Path file = dir.resolve(MANIFEST);
    if (!Files.isRegularFile(file)) {
      return false;
    }
    try {
      return wanted.equals(JSON.readValue(file.toFile(), Manifest.class));
    } catch (IOException e) {
      return false; // unreadable or foreign JSON: treated as someone else's folder
    }
  }

  private static boolean isEmptyDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    } catch (IOException e) {
      throw new UserError(dir + ": cannot list folder: " + e.getMessage(), e);
    }
  }

  private static String describe(Manifest m) {
    return m.count() + " images of " + m.height() + "x" + m.width() + ", seed " + m.seed();
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // Best effort: a leftover hidden temp folder is harmless.
    }
  }
}
