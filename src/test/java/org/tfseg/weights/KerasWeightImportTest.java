package org.tfseg.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tfseg.UserError;
import org.tfseg.graph.ModelVariable;
import org.tfseg.graph.VariableStore;

/** The tiny fixtures ({@link TinyModel}). */
class KerasWeightImportTest {
  @Test
  void byNameIntoAFreshSession() {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      VariableStore store = TinyModel.build(Ops.create(g), true);
      ImportReport r =
          KerasWeightImport.load(s, store, "enc", WeightFixtures.path("tiny_names_fixed.h5"));
      assertEquals(ImportMode.BY_NAME, r.mode());
      assertEquals(8, r.tensors());
      assertEquals(54 + 3 + 4 * 3 + 27 + 12, r.values());
      assertTrue(r.complete() && r.unexpected().isEmpty(), r.summary());
      TinyModel.assertFileValues(s, store, Map.of());
    }
  }

  @Test
  void byPositionWhenNamesDifferLeavingOtherVariablesAlone() {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      VariableStore store = TinyModel.build(Ops.create(g), true);
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
      TinyModel.assertFileValues(s, store, Map.of());
      assertArrayEquals(before, WeightFixtures.values(s, head));
    }
  }

  @Test
  void fileWeightsBeyondTheModelAreReportedNotFatal() {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      VariableStore store = TinyModel.build(Ops.create(g), false);
      ImportReport r =
          KerasWeightImport.load(s, store, "enc", WeightFixtures.path("tiny_names_fixed.h5"));
      assertEquals(List.of("/c2/model/c2/kernel:0"), r.unexpected());
      assertTrue(
          r.summary().contains("unexpected (not used) (1): /c2/model/c2/kernel:0"), r.summary());
      TinyModel.assertFileValues(s, store, Map.of());
    }
  }

  @Test
  void missingUnexpectedAndShapeMismatchesAreReported() {
    try (Graph g = new Graph();
        KerasWeightsFile f = KerasWeightsFile.open(WeightFixtures.path("tiny_mismatch.h5"))) {
      VariableStore store = TinyModel.build(Ops.create(g), true);
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
      VariableStore store = TinyModel.build(Ops.create(g), true);
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
      VariableStore store = TinyModel.build(Ops.create(g), true);
      assertThrows(
          IllegalArgumentException.class, () -> KerasWeightImport.plan(f, store, "encoder"));
    }
  }

  @Test
  void aMissingFileNamesItAndTheFetchScript(@TempDir Path dir) {
    Path file = dir.resolve("mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224_no_top.h5");
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      VariableStore store = TinyModel.build(Ops.create(g), true);
      UserError e =
          assertThrows(UserError.class, () -> KerasWeightImport.load(s, store, "enc", file));
      assertEquals(
          file
              + ": weights file not found; download it with tools/fetch_weights.sh (see weights/README.md)",
          e.getMessage());
    }
  }
}
