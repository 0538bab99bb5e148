package org.tfseg.export;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TString;
import org.tfseg.graph.Tensors;

/**
 * Run in a separate JVM by {@link ExportTest}: loads a SavedModel with nothing but TF Java, calls
 * both signatures and writes their outputs as raw floats. Args: savedModelDir, inputFloats file, N,
 * H, W, imageFile, output file.
 */
public final class SavedModelProbe {
  public static void main(String[] args) throws IOException {
    int n = Integer.parseInt(args[2]);
    int h = Integer.parseInt(args[3]);
    int w = Integer.parseInt(args[4]);
    float[] input = readFloats(Path.of(args[1]), n * h * w * 3);
    try (SavedModelBundle bundle = SavedModelBundle.load(args[0], "serve");
        DataOutputStream out = new DataOutputStream(Files.newOutputStream(Path.of(args[6])))) {
      try (TFloat32 x = Tensors.of(Shape.of(n, h, w, 3), input);
          Result r =
              bundle
                  .function(ServingSignatures.DEFAULT)
                  .call(Map.of(ServingSignatures.IMAGES, x))) {
        write(out, (TFloat32) r.get(ServingSignatures.PROBABILITIES).orElseThrow());
      }
      byte[] bytes = Files.readAllBytes(Path.of(args[5]));
      try (TString s = TString.tensorOfBytes(NdArrays.scalarOfObject(bytes));
          Result r =
              bundle
                  .function(ServingSignatures.IMAGE_BYTES)
                  .call(Map.of(ServingSignatures.BYTES_INPUT, (Tensor) s))) {
        write(out, (TFloat32) r.get(ServingSignatures.MASK).orElseThrow());
      }
    }
  }

  private static void write(DataOutputStream out, TFloat32 t) throws IOException {
    long[] shape = t.shape().asArray();
    out.writeInt(shape.length);
    for (long d : shape) {
      out.writeLong(d);
    }
    for (float f : Tensors.floats(t)) {
      out.writeFloat(f);
    }
  }

  static float[] readFloats(Path file, int count) throws IOException {
    try (var in = new java.io.DataInputStream(Files.newInputStream(file))) {
      float[] f = new float[count];
      for (int i = 0; i < count; i++) {
        f[i] = in.readFloat();
      }
      return f;
    }
  }
}
