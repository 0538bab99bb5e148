package org.tfseg.config;

import static org.tfseg.config.Fixtures.assertFails;
import static org.tfseg.config.Fixtures.assertMinimalFails;

import org.junit.jupiter.api.Test;

/** Ranges, required keys and cross-field rules, reported with the JSON path. */
class ValidationTest {
  @Test
  void missingRequiredKeys() {
    assertFails(
        "$.name: required key is missing", Fixtures.MINIMAL.replace("\"name\": \"x\",", ""));
    assertMinimalFails("$.training.batch_size: required key is missing", "training={\"epochs\":1}");
    assertMinimalFails("$.training.epochs: required key is missing", "training={\"batch_size\":1}");
    assertMinimalFails(
        "$.data.image_size: required key is missing",
        "data={\"train\":{\"layout\":\"duts\",\"root\":\"r\"}}");
    assertMinimalFails("$.data.train: required key is missing", "data={\"image_size\":[64,64]}");
    assertMinimalFails(
        "$.data.train.root: required key is missing", "data.train={\"layout\":\"duts\"}");
    assertMinimalFails(
        "$.data.test.count: required key is missing",
        "data.test={\"layout\":\"synthetic\",\"root\":\"r\",\"size\":[8,8]}");
    assertFails(
        "$.loss: required key is missing",
        Fixtures.MINIMAL.replace("\"loss\": {\"type\": \"bce\"},", ""));
  }

  @Test
  void experimentName() {
    assertMinimalFails(
        "$.name: must match [A-Za-z0-9_.-]+ (and not be . or ..), got \"a b\"", "name=a b");
    assertMinimalFails(
        "$.name: must match [A-Za-z0-9_.-]+ (and not be . or ..), got \"..\"", "name=\"..\"");
  }

  @Test
  void modelRanges() {
    assertMinimalFails(
        "$.model.base_filters: must be in [1, 1024], got 2048", "model.base_filters=2048");
    assertMinimalFails("$.model.depth: must be in [1, 6], got 0", "model.depth=0");
    assertMinimalFails("$.model.depth: must be in [1, 6], got 7", "model.depth=7");
    assertMinimalFails("$.model.num_classes: must be >= 1, got 0", "model.num_classes=0");
    assertMinimalFails(
        "$.model.input_channels: must be in [1, 4], got 5", "model.input_channels=5");
  }

  @Test
  void dataRanges() {
    assertMinimalFails(
        "$.data.image_size[0]: must be in [8, 4096], got 4", "data.image_size=[4,64]");
    assertMinimalFails(
        "$.data.image_size[1]: must be in [8, 4096], got 5000", "data.image_size=[64,5000]");
    assertMinimalFails(
        "$.data.validation_fraction: must be in [0, 0.9], got 0.95",
        "data.validation_fraction=0.95");
    assertMinimalFails(
        "$.data.test_fraction: must be in [0, 0.9], got -0.1", "data.test_fraction=-0.1");
    assertMinimalFails(
        "$.data.test_fraction: validation_fraction + test_fraction must be < 1, got 0.5 + 0.5",
        "data.validation_fraction=0.5",
        "data.test_fraction=0.5");
    assertMinimalFails("$.data.parallel_calls: must be >= 1, got 0", "data.parallel_calls=0");
    assertMinimalFails("$.data.prefetch_batches: must be >= 0, got -1", "data.prefetch_batches=-1");
    assertMinimalFails("$.data.train.limit: must be >= 1, got 0", "data.train.limit=0");
    assertMinimalFails(
        "$.data.test.count: must be >= 1, got 0",
        "data.test={\"layout\":\"synthetic\",\"root\":\"r\",\"count\":0,\"size\":[8,8]}");
    assertMinimalFails(
        "$.data.test.size[0]: must be in [8, 4096], got 2",
        "data.test={\"layout\":\"synthetic\",\"root\":\"r\",\"count\":1,\"size\":[2,8]}");
    assertMinimalFails("$.data.train.images: must not be empty", "data.train.images=\"\"");
  }

  @Test
  void optimizerRanges() {
    assertMinimalFails(
        "$.optimizer.learning_rate: must be > 0, got 0", "optimizer.learning_rate=0");
    assertMinimalFails("$.optimizer.beta_1: must be in [0, 1), got 1", "optimizer.beta_1=1");
    assertMinimalFails("$.optimizer.beta_2: must be in [0, 1), got -0.1", "optimizer.beta_2=-0.1");
    assertMinimalFails("$.optimizer.epsilon: must be > 0, got 0", "optimizer.epsilon=0");
    assertMinimalFails(
        "$.optimizer.rho: must be in [0, 1), got 1.5",
        "optimizer={\"type\":\"rmsprop\",\"rho\":1.5}");
    assertMinimalFails(
        "$.optimizer.momentum: must be in [0, 1), got 1",
        "optimizer={\"type\":\"sgd\",\"momentum\":1}");
  }

  @Test
  void trainingRanges() {
    assertMinimalFails("$.training.batch_size: must be >= 1, got 0", "training.batch_size=0");
    assertMinimalFails("$.training.epochs: must be >= 1, got 0", "training.epochs=0");
    assertMinimalFails(
        "$.training.steps_per_epoch: must be >= 1, got 0", "training.steps_per_epoch=0");
    assertMinimalFails(
        "$.training.validation_steps: must be >= 1, got 0", "training.validation_steps=0");
    assertMinimalFails("$.training.threshold: must be in (0, 1), got 1", "training.threshold=1");
    assertMinimalFails(
        "$.evaluation.threshold: must be in (0, 1), got 0", "evaluation.threshold=0");
    assertMinimalFails(
        "$.training.metrics[1]: metric 'mae' is listed twice",
        "training.metrics=[\"mae\",\"mae\"]");
  }

  @Test
  void callbackRanges() {
    String cb = "training.callbacks=[{\"type\":\"reduce_lr_on_plateau\"}]";
    assertMinimalFails(
        "$.training.callbacks[0].factor: must be in (0, 1), got 1",
        cb,
        "training.callbacks.0.factor=1");
    assertMinimalFails(
        "$.training.callbacks[0].patience: must be >= 0, got -1",
        cb,
        "training.callbacks.0.patience=-1");
    assertMinimalFails(
        "$.training.callbacks[0].min_delta: must be >= 0, got -0.5",
        cb,
        "training.callbacks.0.min_delta=-0.5");
    assertMinimalFails(
        "$.training.callbacks[0].cooldown: must be >= 0, got -1",
        cb,
        "training.callbacks.0.cooldown=-1");
    assertMinimalFails(
        "$.training.callbacks[0].min_lr: must be >= 0, got -1",
        cb,
        "training.callbacks.0.min_lr=-1");
    String es = "training.callbacks=[{\"type\":\"early_stopping\"}]";
    assertMinimalFails(
        "$.training.callbacks[0].start_from_epoch: must be >= 0, got -1",
        es,
        "training.callbacks.0.start_from_epoch=-1");
  }

  @Test
  void callbacksMonitorLoggedQuantities() {
    assertMinimalFails(
        "$.training.callbacks[0].monitor: cannot monitor 'val_precision' (valid: loss, val_loss;"
            + " add a metric to training.metrics to monitor it)",
        "training.callbacks=[{\"type\":\"early_stopping\",\"monitor\":\"val_precision\"}]");
    Fixtures.minimal(
        "training.metrics=[\"precision\"]",
        "training.callbacks=[{\"type\":\"early_stopping\",\"monitor\":\"val_precision\"}]");
  }
}
