package org.tfseg.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.UserError;

class KerasWeightsFileTest {
  @Test
  void fixedLengthNamesNestedDatasetAndWeightlessLayers() {
    try (KerasWeightsFile f = KerasWeightsFile.open(WeightFixtures.path("tiny_names_fixed.h5"))) {
      assertEquals(
          List.of("input_1", "c1", "bn1", "relu1", "dw", "c2"),
          f.layers().stream().map(KerasLayer::name).toList());
      assertEquals(List.of(), f.layers().get(0).weights(), "empty float weight_names");
      assertEquals(4, f.weightedLayers().size());
      List<KerasWeight> bn = f.layers().get(2).weights();
      assertEquals(
          List.of("gamma", "beta", "moving_mean", "moving_variance"),
          bn.stream().map(KerasWeight::leaf).toList());
      KerasWeight nested = f.layers().get(5).weights().get(0);
      assertEquals("model/c2/kernel:0", nested.name());
      assertEquals("kernel", nested.leaf());
      assertArrayEquals(new long[] {1, 1, 3, 4}, nested.shape());
      assertEquals(7, nested.position());
      float[] v = f.read(nested);
      assertEquals(12, v.length);
      assertEquals(7000f, v[0]);
      assertEquals(7011f, v[11]);
      assertArrayEquals(
          new float[] {1000f, 1001f, 1002f}, f.read(f.layers().get(1).weights().get(1)), "c1 bias");
    }
  }

  @Test
  void variableLengthNamesKeepWeightNamesOrderNotTheGroupListing() {
    try (KerasWeightsFile f =
        KerasWeightsFile.open(WeightFixtures.path("tiny_positional_vlen.h5"))) {
      List<KerasWeight> bn = f.layers().get(2).weights();
      // alphabetically beta < gamma < running_mean < running_std; weight_names says gamma first
      assertEquals(
          List.of(
              "layer_2_gamma:0",
              "layer_2_beta:0",
              "layer_2_running_mean:0",
              "layer_2_running_std:0"),
          bn.stream().map(KerasWeight::name).toList());
      assertEquals(2000f, f.read(bn.get(0))[0]);
      assertEquals(3000f, f.read(bn.get(1))[0]);
      assertEquals(List.of(), f.layers().get(3).weights());
    }
  }

  @Test
  void unreadableFilesAreUserErrorsNamingTheFile(@TempDir Path dir) throws Exception {
    Path missing = dir.resolve("nope.h5");
    assertTrue(
        assertThrows(UserError.class, () -> KerasWeightsFile.open(missing))
            .getMessage()
            .startsWith(missing.toString()));
    Path text = Files.writeString(dir.resolve("text.h5"), "not hdf5");
    assertTrue(
        assertThrows(UserError.class, () -> KerasWeightsFile.open(text))
            .getMessage()
            .startsWith(text.toString()));
    Path notKeras = WeightFixtures.path("resnet50_w4_reference.h5");
    UserError e = assertThrows(UserError.class, () -> KerasWeightsFile.open(notKeras));
    assertTrue(e.getMessage().contains("no layer_names"), e.getMessage());
  }
}
