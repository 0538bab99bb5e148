package org.tfseg.data.source;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.tfseg.testing.SharedData;

/**
 * The shared Oxford-IIIT Pet sample ({@code shared/data/oxford-pet-sample}, course-processed
 * labels: 0 background, 1 cat, 2 dog, 255 border, stored as palette indices) rewritten into the
 * official layout, so tests exercise {@link OxfordPetLayout} on real images: trimaps {1,2}→1 pet,
 * 255→2 border, 0→3 background as grey PNGs; every 4th sample (6 of 26) goes to {@code test.txt},
 * the rest to {@code trainval.txt}. Skips the calling test when the sample is absent.
 */
public final class OxfordPetFixture {
  private OxfordPetFixture() {}

  /** Writes the layout under {@code root} and returns {@code root}. */
  public static Path officialLayout(Path root) {
    Path sample = SharedData.dir("oxford-pet-sample");
    try {
      Path images = Files.createDirectories(root.resolve("images"));
      Path trimaps = Files.createDirectories(root.resolve("annotations").resolve("trimaps"));
      List<String> trainval = new ArrayList<>();
      List<String> test = new ArrayList<>();
      List<Path> labels;
      try (var files = Files.list(sample.resolve("labels"))) {
        labels = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
      }
      for (int i = 0; i < labels.size(); i++) {
        String name = labels.get(i).getFileName().toString().replace(".png", "");
        Files.copy(sample.resolve("images").resolve(name + ".jpg"), images.resolve(name + ".jpg"));
        int species = writeTrimap(labels.get(i), trimaps.resolve(name + ".png"));
        // <name> <class-id> <species> <breed-id>; only the name is read, the ids are not real
        (i % 4 == 3 ? test : trainval).add(name + " 0 " + species + " 0");
      }
      Files.write(root.resolve("annotations").resolve("trainval.txt"), trainval);
      Files.write(root.resolve("annotations").resolve("test.txt"), test);
      return root;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The trimap of a processed label; returns the species, 1 cat or 2 dog. */
  private static int writeTrimap(Path processed, Path trimap) throws IOException {
    Raster in = ImageIO.read(processed.toFile()).getRaster();
    BufferedImage out =
        new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    int species = 0;
    for (int y = 0; y < in.getHeight(); y++) {
      for (int x = 0; x < in.getWidth(); x++) {
        int v = in.getSample(x, y, 0);
        int t =
            switch (v) {
              case 1, 2 -> 1;
              case 255 -> 2;
              case 0 -> 3;
              default ->
                  throw new IllegalStateException(processed + ": unexpected label value " + v);
            };
        if (v == 1 || v == 2) {
          species = v;
        }
        out.getRaster().setSample(x, y, 0, t);
      }
    }
    ImageIO.write(out, "png", trimap.toFile());
    return species;
  }

  /** The trimap's raw values, row-major {@code [h][w]}. */
  public static int[][] read(Path trimap) throws IOException {
    Raster r = ImageIO.read(trimap.toFile()).getRaster();
    int[][] v = new int[r.getHeight()][r.getWidth()];
    for (int y = 0; y < v.length; y++) {
      r.getSamples(0, y, r.getWidth(), 1, 0, v[y]);
    }
    return v;
  }
}
