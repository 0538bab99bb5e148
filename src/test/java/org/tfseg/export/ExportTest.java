package org.tfseg.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Tensors;
import org.tfseg.loss.BinaryCrossEntropy;
import org.tfseg.metric.Precision;
import org.tfseg.model.UNet;
import org.tfseg.optim.Adam;
import org.tfseg.train.ModelSpec;
import org.tfseg.train.TrainingGraph;

/**
 * Train a few steps → checkpoint → inference graph restored from it (bit-identical) → BatchNorm
 * folded → SavedModel → loaded in a separate JVM: within 1e-5 of the training graph's
 * inference-path outputs.
 */
class ExportTest {
  private static final int N = 2, H = 32, W = 24;

  @Test
  void checkpointRestoreAndSavedModelInAnotherJvmMatchTheTrainingGraph(@TempDir Path tmp)
      throws Exception {
    UNet model = new UNet(4, 2, 1);
    ModelSpec spec =
        ModelSpec.builder(
                model,
                H,
                W,
                3,
                new BinaryCrossEntropy(),
                tf -> new Adam(tf, 1e-2, 0.9, 0.999, 1e-7),
                List.of(new Precision(0.5)),
                5)
            .build();
    float[] x = random(N * H * W * 3, 1);
    float[] y = new float[N * H * W];
    for (int i = 0; i < y.length; i++) {
      y[i] = x[i * 3] > 0.5f ? 1f : 0f;
    }
    float[] expected;
    String prefix = tmp.resolve("ckpt/model").toString();
    try (TrainingGraph g = new TrainingGraph(spec);
        TFloat32 xt = Tensors.of(Shape.of(N, H, W, 3), x);
        TFloat32 yt = Tensors.of(Shape.of(N, H, W, 1), y)) {
      double first = g.train(xt, yt).loss();
      double last = first;
      for (int i = 0; i < 4; i++) {
        last = g.train(xt, yt).loss();
      }
      assertTrue(last < first, "loss should fall on a fixed batch: " + first + " → " + last);
      expected = g.predict(xt);
      Files.createDirectories(tmp.resolve("ckpt"));
      g.save(prefix);
    }
    Path saved = tmp.resolve("saved_model");
    try (InferenceGraph inf = new InferenceGraph(model, H, W, 3, 99).restore(prefix);
        TFloat32 xt = Tensors.of(Shape.of(N, H, W, 3), x)) {
      assertArrayEquals(expected, inf.predict(xt), 0f, "restored inference graph differs");
      try (InferenceGraph folded = inf.folded()) { // what `export` writes
        assertTrue(folded.foldedBatchNorms() > 0, "no BatchNorm folded");
        folded.exportSavedModel(saved);
      }
    }

    Path input = tmp.resolve("x.bin");
    try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(input))) {
      for (float f : x) {
        out.writeFloat(f);
      }
    }
    Path png = tmp.resolve("img.png");
    BufferedImage img = new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB);
    SplittableRandom r = new SplittableRandom(3);
    for (int i = 0; i < 50; i++) {
      for (int j = 0; j < 40; j++) {
        img.setRGB(i, j, r.nextInt(1 << 24));
      }
    }
    ImageIO.write(img, "png", png.toFile());
    Path output = tmp.resolve("out.bin");
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SavedModelProbe.class.getName(),
                saved.toString(),
                input.toString(),
                "" + N,
                "" + H,
                "" + W,
                png.toString(),
                output.toString()));
    ProcessBuilder probe = new ProcessBuilder(cmd);
    // as `tfseg serve`/`predict` run it: oneDNN caches each convolution's reordered filter
    probe.environment().put("TF_ONEDNN_ASSUME_FROZEN_WEIGHTS", "1");
    Process p =
        probe.redirectErrorStream(true).redirectOutput(tmp.resolve("probe.log").toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe JVM timed out");
    assertEquals(0, p.exitValue(), () -> "probe JVM failed: " + read(tmp.resolve("probe.log")));
    try (DataInputStream in = new DataInputStream(Files.newInputStream(output))) {
      long[] shape = readShape(in);
      assertArrayEquals(new long[] {N, H, W, 1}, shape);
      float[] got = new float[expected.length];
      for (int i = 0; i < got.length; i++) {
        got[i] = in.readFloat();
      }
      assertArrayEquals(
          expected, got, 1e-5f, "SavedModel in a separate JVM differs from the training graph");
      assertArrayEquals(
          new long[] {40, 50, 1}, readShape(in), "bytes signature returns the image's own size");
    }
  }

  private static long[] readShape(DataInputStream in) throws java.io.IOException {
    long[] s = new long[in.readInt()];
    for (int i = 0; i < s.length; i++) {
      s[i] = in.readLong();
    }
    return s;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      return "(no log)";
    }
  }

  private static float[] random(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] f = new float[n];
    for (int i = 0; i < n; i++) {
      f[i] = (float) r.nextDouble();
    }
    return f;
  }
}
