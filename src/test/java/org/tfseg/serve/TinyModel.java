package org.tfseg.serve;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tfseg.export.InferenceGraph;
import org.tfseg.export.ServingLayout;
import org.tfseg.graph.Tensors;
import org.tfseg.loss.BinaryCrossEntropy;
import org.tfseg.metric.Precision;
import org.tfseg.model.UNet;
import org.tfseg.optim.Adam;
import org.tfseg.train.ModelSpec;
import org.tfseg.train.TrainingGraph;

/**
 * A tiny U-Net at 32×32 trained for a few steps to call red blocks foreground, exported in TF
 * Serving's layout: a served model whose masks have both classes, built in a few seconds.
 */
public final class TinyModel {
  public static final int SIZE = 32;

  private TinyModel() {}

  private static final UNet MODEL = new UNet(4, 2, 1);
  private static String checkpoint;

  /** Writes {@code versions} versions of model {@code name} under {@code base}. */
  public static List<Path> export(Path base, String name, int versions) throws IOException {
    List<Path> dirs = new java.util.ArrayList<>();
    try (InferenceGraph inf = new InferenceGraph(MODEL, SIZE, SIZE, 3, 1).restore(checkpoint())) {
      for (int v = 0; v < versions; v++) {
        dirs.add(ServingLayout.writeVersion(base, name, inf::exportSavedModel));
      }
    }
    return dirs;
  }

  /** The trained checkpoint, trained once per JVM. */
  private static synchronized String checkpoint() throws IOException {
    if (checkpoint != null) {
      return checkpoint;
    }
    UNet model = MODEL;
    ModelSpec spec =
        ModelSpec.builder(
                model,
                SIZE,
                SIZE,
                3,
                new BinaryCrossEntropy(),
                tf -> new Adam(tf, 3e-2, 0.9, 0.999, 1e-7),
                List.of(new Precision(0.5)),
                5)
            .build();
    int n = 4;
    float[] x = new float[n * SIZE * SIZE * 3];
    float[] y = new float[n * SIZE * SIZE];
    SplittableRandom r = new SplittableRandom(7);
    for (int img = 0; img < n; img++) {
      for (int by = 0; by < SIZE; by += 4) {
        for (int bx = 0; bx < SIZE; bx += 4) {
          boolean red = r.nextBoolean();
          for (int yy = by; yy < by + 4; yy++) {
            for (int xx = bx; xx < bx + 4; xx++) {
              int i = (img * SIZE + yy) * SIZE + xx;
              x[i * 3] = red ? 0.88f : 0.25f;
              x[i * 3 + 1] = red ? 0.06f : 0.28f;
              x[i * 3 + 2] = red ? 0.06f : 0.28f;
              y[i] = red ? 1f : 0f;
            }
          }
        }
      }
    }
    Path ckptDir = Files.createTempDirectory("tinymodel");
    String prefix = ckptDir.resolve("ckpt").toString();
    try (TrainingGraph g = new TrainingGraph(spec);
        TFloat32 xt = Tensors.of(Shape.of(n, SIZE, SIZE, 3), x);
        TFloat32 yt = Tensors.of(Shape.of(n, SIZE, SIZE, 1), y)) {
      for (int i = 0; i < 60; i++) {
        g.train(xt, yt);
      }
      g.save(prefix);
    }
    checkpoint = prefix;
    return prefix;
  }

  /** A PNG (or JPEG) of blocks of red and grey, {@code w}×{@code h}. */
  public static byte[] image(int w, int h, long seed, String format) throws IOException {
    return LoadRequest.image(w, h, seed, format);
  }
}
