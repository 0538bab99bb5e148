package org.tfseg.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tfseg.UserError;
import org.tfseg.graph.ConvSpec;
import org.tfseg.graph.Layers;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.VariableStore;

/** The tiny fixtures: weight k of the file holds 1000·k + j at flat index j. */
class KerasWeightImportTest {
  private static final List<String> FILE_ORDER =
      List.of(
          "c1/kernel",
          "c1/bias",
          "bn1/gamma",
          "bn1/beta",
          "bn1/moving_mean",
          "bn1/moving_variance",
          "dw/depthwise_kernel",
          "c2/kernel");

  /**
   * c1 conv 3×3 2→3, bn1, relu1, dw depthwise 3×3, c2 1×1 3→4 under {@code enc}, then a head
   * outside it.
   */
  private static VariableStore tinyModel(Ops tf, boolean withC2) {
    VariableStore store = new VariableStore(tf, 1);
    Layers l = new Layers(tf, store, false, null, null);
    Operand<TFloat32> x = tf.placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, 6, 6, 2)));
    x = l.conv2d("enc/c1", x, ConvSpec.of(3, 3));
    x = l.relu("enc/relu1", l.batchNorm("enc/bn1", x));
    x = l.depthwiseConv("enc/dw", x, 3, 1, ConvSpec.Padding.SAME, 1, false);
    if (withC2) {
      x = l.conv2d("enc/c2", x, ConvSpec.of(4, 1).noBias());
    }
    l.conv2d("head", x, ConvSpec.of(1, 1));
    return store;
  }

  private static void assertFileValues(Session s, VariableStore store) {
    for (ModelVariable v : store.all()) {
      if (!v.name().startsWith("enc/")) {
        continue;
      }
      int k = FILE_ORDER.indexOf(v.name().substring(4));
      float[] values = WeightFixtures.values(s, v);
      for (int j = 0; j < values.length; j++) {
        assertEquals(1000f * k + j, values[j], v.name() + "[" + j + "]");
      }
    }
  }

  @Test
  void byNameIntoAFreshSession() {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      VariableStore store = tinyModel(Ops.create(g), true);
      ImportReport r =
          KerasWeightImport.load(s, store, "enc", WeightFixtures.path("tiny_names_fixed.h5"));
      assertEquals(ImportMode.BY_NAME, r.mode());
      assertEquals(8, r.tensors());
      assertEquals(54 + 3 + 4 * 3 + 27 + 12, r.values());
      assertTrue(r.complete() && r.unexpected().isEmpty(), r.summary());
      assertFileValues(s, store);
    }
  }

  @Test
  void byPositionWhenNamesDifferLeavingOtherVariablesAlone() {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      VariableStore store = tinyModel(Ops.create(g), true);
      ModelVariable head =
          store.all().stream()
              .filter(v -> v.name().equals("head/kernel"))
              .findFirst()
              .orElseThrow();
      float[] before = WeightFixtures.values(s, head);
      ImportReport r =
          KerasWeightImport.load(s, store, "enc", WeightFixtures.path("tiny_positional_vlen.h5"));
      assertEquals(ImportMode.BY_POSITION, r.mode(), r.summary());
      assertTrue(r.complete() && r.unexpected().isEmpty(), r.summary());
      assertFileValues(s, store);
      assertArrayEquals(before, WeightFixtures.values(s, head));
    }
  }

  @Test
  void fileWeightsBeyondTheModelAreReportedNotFatal() {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      VariableStore store = tinyModel(Ops.create(g), false);
      ImportReport r =
          KerasWeightImport.load(s, store, "enc", WeightFixtures.path("tiny_names_fixed.h5"));
      assertEquals(List.of("/c2/model/c2/kernel:0"), r.unexpected());
      assertTrue(
          r.summary().contains("unexpected (not used) (1): /c2/model/c2/kernel:0"), r.summary());
      assertFileValues(s, store);
    }
  }

  @Test
  void missingUnexpectedAndShapeMismatchesAreReported() {
    try (Graph g = new Graph();
        KerasWeightsFile f = KerasWeightsFile.open(WeightFixtures.path("tiny_mismatch.h5"))) {
      VariableStore store = tinyModel(Ops.create(g), true);
      ImportReport r = KerasWeightImport.plan(f, store, "enc").report();
      assertEquals(ImportMode.BY_NAME, r.mode());
      assertEquals(
          List.of("enc/c1/kernel [3, 3, 2, 3] ← /c1/c1/kernel:0 [3, 3, 2, 5]"),
          r.shapeMismatches());
      assertEquals(
          List.of(
              "enc/bn1/gamma", "enc/bn1/beta", "enc/bn1/moving_mean", "enc/bn1/moving_variance"),
          r.missing());
      assertEquals(List.of("/extra_conv/extra_conv/kernel:0"), r.unexpected());
      assertFalse(r.complete());
      assertEquals(3, r.tensors(), "c1/bias, dw, c2 still pair");
    }
  }

  @Test
  void anIncompleteImportFailsNamingTheFileAndAssignsNothing() {
    Path file = WeightFixtures.path("tiny_mismatch.h5");
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      VariableStore store = tinyModel(Ops.create(g), true);
      UserError e =
          assertThrows(UserError.class, () -> KerasWeightImport.load(s, store, "enc", file));
      assertTrue(
          e.getMessage()
              .startsWith(file + ": does not fit the model (BY_NAME): 1 shape mismatches"),
          e.getMessage());
      assertTrue(
          e.getMessage()
              .contains("4 missing weights [enc/bn1/gamma, enc/bn1/beta, enc/bn1/moving_mean]…"),
          e.getMessage());
      assertFalse(e.getMessage().contains("\n"));
      ModelVariable bias =
          store.all().stream()
              .filter(v -> v.name().equals("enc/c1/bias"))
              .findFirst()
              .orElseThrow();
      assertArrayEquals(
          new float[3], WeightFixtures.values(s, bias), "still the zeros initializer");
    }
  }

  @Test
  void aScopeWithoutVariablesIsRejected() {
    try (Graph g = new Graph();
        KerasWeightsFile f = KerasWeightsFile.open(WeightFixtures.path("tiny_names_fixed.h5"))) {
      VariableStore store = tinyModel(Ops.create(g), true);
      assertThrows(
          IllegalArgumentException.class, () -> KerasWeightImport.plan(f, store, "encoder"));
    }
  }

  @Test
  void aMissingFileNamesItAndTheFetchScript(@TempDir Path dir) {
    Path file = dir.resolve("mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224_no_top.h5");
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      VariableStore store = tinyModel(Ops.create(g), true);
      UserError e =
          assertThrows(UserError.class, () -> KerasWeightImport.load(s, store, "enc", file));
      assertEquals(
          file
              + ": weights file not found; download it with tools/fetch_weights.sh (see weights/README.md)",
          e.getMessage());
    }
  }
}
