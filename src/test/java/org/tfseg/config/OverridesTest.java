package org.tfseg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tfseg.config.Fixtures.assertMinimalFails;
import static org.tfseg.config.Fixtures.minimal;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tfseg.callback.EarlyStoppingConfig;
import org.tfseg.callback.ModelCheckpointConfig;
import org.tfseg.callback.MonitorMode;
import org.tfseg.callback.ReduceLrOnPlateauConfig;
import org.tfseg.data.source.DutsSourceConfig;
import org.tfseg.metric.Metric;
import org.tfseg.optim.SgdConfig;

class OverridesTest {
  @Test
  void replacesScalarsWithJsonValues() {
    Experiment e =
        minimal(
            "training.batch_size=3",
            "optimizer.learning_rate=0.1",
            "data.shuffle=false",
            "data.image_size=[128,96]",
            "seed=7");
    assertEquals(3, e.training().batchSize());
    assertEquals(0.1, e.optimizer().learningRate());
    assertEquals(false, e.data().shuffle());
    assertEquals(new ImageSize(128, 96), e.data().imageSize());
    assertEquals(7L, e.seed());
  }

  @Test
  void nonJsonValueIsAPlainString() {
    assertEquals(
        "data/DUTS",
        ((DutsSourceConfig)
                minimal(
                        "data.train={\"layout\":\"duts\",\"root\":\"x\"}",
                        "data.train.root=data/DUTS")
                    .data()
                    .train())
            .root());
    assertEquals("my-run.2", minimal("name=my-run.2").name());
    assertEquals("other", minimal("run_root=\"other\"").runRoot());
  }

  @Test
  void replacesAWholeObject() {
    Experiment e = minimal("optimizer={\"type\":\"sgd\",\"momentum\":0.9}");
    assertEquals(new SgdConfig(0.01, 0.9, false), e.optimizer());
  }

  @Test
  void createsMissingObjectsOnThePath() {
    Experiment e =
        minimal(
            "evaluation.split=validation", "data.validation.layout=duts", "data.validation.root=v");
    assertEquals(Split.VALIDATION, e.evaluation().split());
    assertEquals(new DutsSourceConfig("v", "DUTS-TR", null), e.data().validation());
  }

  @Test
  void arrayElementsByIndex() {
    String two =
        "training.callbacks=[{\"type\":\"early_stopping\"},{\"type\":\"reduce_lr_on_plateau\"}]";
    Experiment e =
        minimal(two, "training.callbacks.0.patience=2", "training.callbacks.1.factor=0.5");
    assertEquals(2, ((EarlyStoppingConfig) e.training().callbacks().get(0)).patience());
    assertEquals(0.5, ((ReduceLrOnPlateauConfig) e.training().callbacks().get(1)).factor());
    Experiment replaced = minimal(two, "training.callbacks.1={\"type\":\"model_checkpoint\"}");
    assertEquals(
        new ModelCheckpointConfig("val_loss", MonitorMode.AUTO, true),
        replaced.training().callbacks().get(1));
    Experiment appended = minimal(two, "training.callbacks.2.type=model_checkpoint");
    assertEquals(3, appended.training().callbacks().size());
    assertEquals(
        List.of(Metric.MAE, Metric.RECALL),
        minimal("evaluation.metrics=[\"mae\",\"precision\"]", "evaluation.metrics.1=recall")
            .evaluation()
            .metrics());
    assertEquals(new ImageSize(64, 32), minimal("data.image_size.1=32").data().imageSize());
  }

  @Test
  void laterOverridesWin() {
    assertEquals(5, minimal("training.epochs=3", "training.epochs=5").training().epochs());
  }

  @Test
  void malformedOverridesNameTheOverride() {
    assertMinimalFails("bad override 'epochs': expected key.path=value", "epochs");
    assertMinimalFails("bad override '=3': the key before '=' is empty", "=3");
    assertMinimalFails(
        "bad override 'training..epochs=3': empty segment in 'training..epochs'",
        "training..epochs=3");
    assertMinimalFails(
        "bad override 'training.batch_size.x=1': 'training.batch_size' is integer 2, not an object"
            + " or array",
        "training.batch_size.x=1");
    assertMinimalFails(
        "bad override 'data.image_size.first=3': 'data.image_size' is an array; expected an index"
            + " >= 0, got 'first'",
        "data.image_size.first=3");
    assertMinimalFails(
        "bad override 'data.image_size.5=3': index 5 is out of range: 'data.image_size' has 2"
            + " element(s) (use 2 to append)",
        "data.image_size.5=3");
  }

  @Test
  void overriddenValuesAreValidatedLikeFileValues() {
    assertMinimalFails(
        "$.training.checkpoints: unknown key 'every' (valid: every_steps, every_minutes, keep)",
        "training.checkpoints.every=3");
    assertMinimalFails("$.data.image_size[1]: must be in [8, 4096], got 4", "data.image_size.1=4");
  }
}
