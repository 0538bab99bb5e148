package org.tfseg.weights;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tfseg.UserError;
import org.tfseg.graph.VariableStore;

/**
 * {@link MatchMode}s on the tiny fixtures ({@link TinyModel}), with layers of the model renamed.
 */
class MatchModeTest {
  private static final Path NAMED = WeightFixtures.path("tiny_names_fixed.h5");
  private static final Map<String, String> C1_RENAMED = Map.of("c1", "conv_first");

  private static ImportReport plan(Path file, MatchMode match, Map<String, String> renamed) {
    try (Graph g = new Graph();
        KerasWeightsFile f = KerasWeightsFile.open(file)) {
      VariableStore store = TinyModel.build(Ops.create(g), true, renamed);
      return KerasWeightImport.plan(f, store, "enc", match).report();
    }
  }

  @Test
  void theReportSaysPerLayerWhetherItMatchedByNameOrByPosition() {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      VariableStore store = TinyModel.build(Ops.create(g), true, C1_RENAMED);
      ImportReport r = KerasWeightImport.load(s, store, "enc", NAMED, MatchMode.AUTO);
      assertEquals(
          List.of(
              new LayerMatch("conv_first", "c1", ImportMode.BY_POSITION),
              new LayerMatch("bn1", "bn1", ImportMode.BY_NAME),
              new LayerMatch("dw", "dw", ImportMode.BY_NAME),
              new LayerMatch("c2", "c2", ImportMode.BY_NAME)),
          r.layers());
      assertEquals(ImportMode.BY_NAME_AND_POSITION, r.mode());
      assertTrue(r.complete() && r.unexpected().isEmpty() && r.unmatched().isEmpty(), r.summary());
      assertEquals(
          NAMED
              + ": 8 tensors (108 values) imported by name, 1 layer by position (names differ)"
              + System.lineSeparator()
              + "  1 layer matched by position: c1→conv_first",
          r.summary());
      TinyModel.assertFileValues(s, store, C1_RENAMED);
    }
  }

  @Test
  void autoListsEveryLayerItMatchedByPosition() {
    ImportReport r =
        plan(
            NAMED,
            MatchMode.AUTO,
            Map.of("c1", "conv_first", "bn1", "norm_first", "dw", "depthwise"));
    assertTrue(r.complete(), r.summary());
    assertEquals(
        List.of("c1→conv_first", "bn1→norm_first", "dw→depthwise"),
        r.byPosition().stream().map(LayerMatch::toString).toList());
    assertTrue(
        r.summary()
            .contains("3 layers matched by position: c1→conv_first, bn1→norm_first, dw→depthwise"),
        r.summary());
  }

  @Test
  void autoOnAFileOfOtherNamesListsEveryLayer() {
    ImportReport r = plan(WeightFixtures.path("tiny_positional_vlen.h5"), MatchMode.AUTO, Map.of());
    assertEquals(ImportMode.BY_POSITION, r.mode());
    assertTrue(
        r.summary()
            .contains(
                "imported by position (names differ)"
                    + System.lineSeparator()
                    + "  4 layers matched by position: layer_1→c1, layer_2→bn1, layer_4→dw, layer_5→c2"),
        r.summary());
  }

  @Test
  void nameRefusesARenamedLayerNamingItAndAssignsNothing() {
    try (Graph g = new Graph();
        Session s = new Session(g)) {
      VariableStore store = TinyModel.build(Ops.create(g), true, C1_RENAMED);
      UserError e =
          assertThrows(
              UserError.class,
              () -> KerasWeightImport.load(s, store, "enc", NAMED, MatchMode.NAME));
      assertEquals(
          NAMED
              + ": does not fit the model (BY_NAME): 0 shape mismatches, 2 missing weights"
              + " [enc/conv_first/kernel, enc/conv_first/bias]; layer names not in the file (match \"name\"; \"auto\" pairs"
              + " them by position): conv_first",
          e.getMessage());
      assertArrayEquals(
          new float[3],
          WeightFixtures.values(s, TinyModel.variable(store, "enc/bn1/beta")),
          "still the zeros initializer");
    }
  }

  @Test
  void nameMatchesAFileWhoseNamesAgree() {
    ImportReport r = plan(NAMED, MatchMode.NAME, Map.of());
    assertEquals(ImportMode.BY_NAME, r.mode());
    assertTrue(r.complete() && r.byPosition().isEmpty(), r.summary());
    assertEquals(4, r.layers().size());
    assertFalse(r.summary().contains("matched by position"), r.summary());
  }

  @Test
  void nameDoesNotFallBackOnAFileOfOtherNames() {
    ImportReport r = plan(WeightFixtures.path("tiny_positional_vlen.h5"), MatchMode.NAME, Map.of());
    assertEquals(List.of("c1", "bn1", "dw", "c2"), r.unmatched());
    assertEquals(0, r.tensors());
    assertEquals(8, r.missing().size());
  }

  @Test
  void positionIgnoresNamesEvenWhereTheyAgree() {
    ImportReport r = plan(NAMED, MatchMode.POSITION, C1_RENAMED);
    assertEquals(ImportMode.BY_POSITION, r.mode());
    assertTrue(r.complete(), r.summary());
    assertEquals(
        List.of("c1→conv_first", "bn1→bn1", "dw→dw", "c2→c2"),
        r.layers().stream().map(LayerMatch::toString).toList());
    assertTrue(
        r.summary()
            .startsWith(
                NAMED
                    + ": 8 tensors (108 values) imported by position"
                    + System.lineSeparator()
                    + "  4 layers matched by position: c1→conv_first, bn1→bn1"),
        r.summary());
  }

  @Test
  void autoLeavesALayerUnmatchedWhosePositionAnotherTookByName() {
    // tiny_mismatch.h5 lacks bn1: its position (the 2nd weighted layer) holds dw, which dw took by
    // name
    ImportReport r = plan(WeightFixtures.path("tiny_mismatch.h5"), MatchMode.AUTO, Map.of());
    assertEquals(List.of("bn1"), r.unmatched());
    assertTrue(r.byPosition().isEmpty());
    assertTrue(
        r.summary().contains("layers found neither by name nor by position (1): bn1"), r.summary());
  }

  @Test
  void aLayerPairedByPositionIsShapeChecked() {
    // in tiny_mismatch.h5 (no bn1) the model's 4th layer position holds extra_conv, of another
    // shape
    ImportReport r =
        plan(WeightFixtures.path("tiny_mismatch.h5"), MatchMode.AUTO, Map.of("c2", "conv_last"));
    assertEquals(
        List.of(new LayerMatch("conv_last", "extra_conv", ImportMode.BY_POSITION)), r.byPosition());
    assertTrue(
        r.shapeMismatches()
            .contains(
                "enc/conv_last/kernel [1, 1, 3, 4] ← /extra_conv/extra_conv/kernel:0 [1, 1, 4, 4]"),
        r.summary());
    assertFalse(r.complete());
  }

  @Test
  void matchModesReadAndWriteTheirJsonNames() throws Exception {
    ObjectMapper json = new ObjectMapper();
    for (MatchMode m : MatchMode.values()) {
      assertEquals("\"" + m.jsonName() + "\"", json.writeValueAsString(m));
      assertEquals(m, json.readValue("\"" + m.jsonName() + "\"", MatchMode.class));
    }
    assertEquals(
        List.of("name", "position", "auto"),
        List.of(MatchMode.values()).stream().map(MatchMode::jsonName).toList());
  }
}
