package org.tfseg.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.ndarray.NdArrays;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TString;
import org.tfseg.graph.Tensors;
import org.tfseg.serve.TinyModel;

/**
 * The TF Serving export: {@code BASE/NAME/1/}, {@code 2/}, …, loaded as TF Serving loads it (tag
 * {@code serve}, the signature looked up by name in the MetaGraphDef, its tensors fed and fetched
 * by their TensorInfo names): a batch of encoded images of different sizes gives each image's mask
 * equal to what {@code predict} computes for that image alone.
 */
class ServingExportTest {
  @Test
  void batchBytesSignatureEqualsPredictPerImage(@TempDir Path tmp) throws Exception {
    List<Path> versions = TinyModel.export(tmp, "tiny", 2);
    assertEquals(List.of(tmp.resolve("tiny/1"), tmp.resolve("tiny/2")), versions);
    assertEquals(2, ServingLayout.latest(tmp.resolve("tiny")).orElseThrow());
    try (var s = Files.list(tmp.resolve("tiny"))) {
      assertEquals(2, s.count(), "no temporary folder left behind");
    }
    byte[][] images = {
      TinyModel.image(50, 40, 1, "png"),
      TinyModel.image(17, 33, 2, "jpg"),
      TinyModel.image(32, 32, 3, "png")
    };
    try (SavedModelBundle bundle = SavedModelBundle.load(versions.get(1).toString(), "serve");
        SavedModelPredictor predict = new SavedModelPredictor(versions.get(1))) {
      SignatureDef sig =
          bundle.metaGraphDef().getSignatureDefMap().get(ServingSignatures.IMAGE_BYTES_BATCH);
      assertEquals("tensorflow/serving/predict", sig.getMethodName());
      Session session = bundle.session();
      try (TString in = TString.tensorOfBytes(NdArrays.vectorOfObjects(images));
          Result r =
              session
                  .runner()
                  .feed(sig.getInputsOrThrow(ServingSignatures.BYTES_INPUT).getName(), in)
                  .fetch(sig.getOutputsOrThrow(ServingSignatures.MASK).getName())
                  .fetch(sig.getOutputsOrThrow(ServingSignatures.SIZE).getName())
                  .run()) {
        TFloat32 masks = (TFloat32) r.get(0);
        TInt32 sizes = (TInt32) r.get(1);
        assertEquals(Shape.of(3, 40, 50, 1), masks.shape(), "padded to the largest image");
        float[] all = Tensors.floats(masks);
        for (int i = 0; i < images.length; i++) {
          Mask alone = predict.predictEncoded(images[i]);
          assertArrayEquals(
              new int[] {alone.height(), alone.width()},
              new int[] {sizes.getInt(i, 0), sizes.getInt(i, 1)});
          float[] cropped = new float[alone.values().length];
          for (int y = 0; y < alone.height(); y++) {
            System.arraycopy(all, (i * 40 + y) * 50, cropped, y * alone.width(), alone.width());
          }
          assertArrayEquals(alone.values(), cropped, 1e-6f, "image " + i);
          assertArrayEquals(
              MaskPng.grey(alone, false),
              MaskPng.grey(new Mask(alone.height(), alone.width(), 1, cropped), false));
          float lo = 1, hi = 0;
          for (float f : cropped) {
            lo = Math.min(lo, f);
            hi = Math.max(hi, f);
          }
          assertTrue(lo < 0.5f && hi > 0.5f, "both classes in image " + i + ": " + lo + ".." + hi);
        }
      }
    }
  }
}
