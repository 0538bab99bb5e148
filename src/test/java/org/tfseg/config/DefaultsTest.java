package org.tfseg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tfseg.callback.EarlyStoppingConfig;
import org.tfseg.callback.ModelCheckpointConfig;
import org.tfseg.callback.MonitorMode;
import org.tfseg.callback.ReduceLrOnPlateauConfig;
import org.tfseg.data.source.DutsSourceConfig;
import org.tfseg.data.source.FolderSourceConfig;
import org.tfseg.data.source.SyntheticSourceConfig;
import org.tfseg.model.UNetConfig;
import org.tfseg.optim.AdamConfig;
import org.tfseg.optim.RmsPropConfig;
import org.tfseg.optim.SgdConfig;

class DefaultsTest {
  @Test
  void absentKeysGetDefaults() {
    Experiment e = Fixtures.minimal();
    assertEquals(42L, e.seed());
    assertEquals("runs", e.runRoot());
    assertEquals(new UNetConfig(64, 4, 1, 3, null), e.model());
    DataConfig d = e.data();
    assertNull(d.validation());
    assertNull(d.test());
    assertEquals(0.0, d.validationFraction());
    assertEquals(0.0, d.testFraction());
    assertEquals(2, d.parallelCalls());
    assertEquals(2, d.prefetchBatches());
    assertTrue(d.shuffle());
    assertNull(((FolderSourceConfig) d.train()).limit());
    TrainingConfig t = e.training();
    assertNull(t.stepsPerEpoch());
    assertNull(t.validationSteps());
    assertEquals(List.of(), t.metrics());
    assertEquals(0.5, t.threshold());
    assertEquals(List.of(), t.callbacks());
    assertEquals(new EvaluationConfig(List.of(), 0.5, Split.TEST), e.evaluation());
  }

  @Test
  void optimizersUseKerasDefaults() {
    assertEquals(new AdamConfig(0.001, 0.9, 0.999, 1e-7), Fixtures.minimal().optimizer());
    assertEquals(
        new RmsPropConfig(0.001, 0.9, 0.0, 1e-7, false),
        Fixtures.minimal("optimizer={\"type\":\"rmsprop\"}").optimizer());
    assertEquals(
        new SgdConfig(0.01, 0.0, false),
        Fixtures.minimal("optimizer={\"type\":\"sgd\"}").optimizer());
  }

  @Test
  void callbacksUseKerasDefaults() {
    Experiment e =
        Fixtures.minimal(
            "training.callbacks=[{\"type\":\"reduce_lr_on_plateau\"},"
                + "{\"type\":\"model_checkpoint\"},{\"type\":\"early_stopping\"}]");
    assertEquals(
        List.of(
            new ReduceLrOnPlateauConfig("val_loss", 0.1, 10, MonitorMode.AUTO, 1e-4, 0, 0.0),
            new ModelCheckpointConfig("val_loss", MonitorMode.AUTO, true),
            new EarlyStoppingConfig("val_loss", 0.0, 0, MonitorMode.AUTO, null, false, 0)),
        e.training().callbacks());
  }

  @Test
  void sourcesUseDefaults() {
    Experiment e =
        Fixtures.minimal(
            "data.train={\"layout\":\"duts\",\"root\":\"d\"}",
            "data.test={\"layout\":\"synthetic\",\"root\":\"s\",\"count\":4,\"size\":[16,16]}");
    assertEquals(new DutsSourceConfig("d", "DUTS-TR", null), e.data().train());
    assertEquals(new SyntheticSourceConfig("s", 4, 0L, new ImageSize(16, 16)), e.data().test());
  }

  @Test
  void holdoutsApplyOnlyWithoutAnExplicitSource() {
    Experiment e = Fixtures.minimal("data.validation_fraction=0.2", "data.test_fraction=0.1");
    assertEquals(0.2, e.data().validationHoldout());
    assertEquals(0.1, e.data().testHoldout());
    Experiment explicit =
        Fixtures.minimal(
            "data.validation_fraction=0.2",
            "data.validation={\"layout\":\"folder\",\"images\":\"a\",\"masks\":\"b\"}");
    assertEquals(0.0, explicit.data().validationHoldout());
  }

  @Test
  void toJsonWritesEveryDefault() {
    String json = ExperimentLoader.toJson(Fixtures.minimal());
    for (String key :
        List.of(
            "\"seed\": 42",
            "\"run_root\": \"runs\"",
            "\"base_filters\": 64",
            "\"prefetch_batches\": 2",
            "\"beta_2\": 0.999",
            "\"split\": \"test\"")) {
      assertTrue(json.contains(key), key + " missing in\n" + json);
    }
    assertFalse(json.contains("null"), json);
    assertFalse(json.contains("steps_per_epoch"), "absent optional keys stay absent");
  }

  @Test
  void constructorsValidateToo() {
    InvalidConfigException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            InvalidConfigException.class, () -> new UNetConfig(0, null, null, null, null));
    assertEquals("base_filters: must be in [1, 1024], got 0", e.getMessage());
  }
}
