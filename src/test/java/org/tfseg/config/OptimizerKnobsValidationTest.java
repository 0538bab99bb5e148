package org.tfseg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tfseg.config.Fixtures.assertMinimalFails;

import org.junit.jupiter.api.Test;
import org.tfseg.optim.AdamWConfig;
import org.tfseg.optim.CosineDecayConfig;

/**
 * The schedule, weight-decay, clipping and regularisation keys: one-line errors naming the JSON
 * path, and the schedule / ReduceLROnPlateau rule.
 */
class OptimizerKnobsValidationTest {
  private static final String COSINE = "optimizer.schedule={\"type\":\"cosine_decay\",";

  @Test
  void scheduleKeys() {
    assertMinimalFails(
        "$.optimizer.schedule.warmup.steps: must be >= 1, got -3",
        COSINE + "\"decay_steps\":10,\"warmup\":{\"steps\":-3}}");
    assertMinimalFails(
        "$.optimizer.schedule.warmup.start_learning_rate: must be >= 0, got -0.1",
        COSINE + "\"decay_steps\":10,\"warmup\":{\"steps\":2,\"start_learning_rate\":-0.1}}");
    assertMinimalFails(
        "$.optimizer.schedule.decay_steps: required key is missing", COSINE + "\"alpha\":0.1}");
    assertMinimalFails(
        "$.optimizer.schedule.alpha: must be in [0, 1], got 2",
        COSINE + "\"decay_steps\":10,\"alpha\":2}");
    assertMinimalFails(
        "$.optimizer.schedule.type: unknown type 'step' (valid: constant, piecewise_constant,"
            + " exponential_decay, cosine_decay, cosine_decay_restarts, polynomial_decay)",
        "optimizer.schedule={\"type\":\"step\"}");
    assertMinimalFails(
        "$.optimizer.schedule.values: expected one rate per boundary (2), got 1; the rate up to"
            + " the first boundary is optimizer.learning_rate",
        "optimizer.schedule={\"type\":\"piecewise_constant\",\"boundaries\":[5,9],"
            + "\"values\":[0.1]}");
    assertMinimalFails(
        "$.optimizer.schedule.boundaries[1]: must be > boundaries[0] (strictly increasing), got 5"
            + " after 9",
        "optimizer.schedule={\"type\":\"piecewise_constant\",\"boundaries\":[9,5],"
            + "\"values\":[0.1,0.01]}");
    assertMinimalFails(
        "$.optimizer.schedule.t_mul: must be >= 1, got 0.5",
        "optimizer.schedule={\"type\":\"cosine_decay_restarts\",\"first_decay_steps\":4,"
            + "\"t_mul\":0.5}");
  }

  @Test
  void weightDecayAndClippingKeys() {
    assertMinimalFails(
        "$.optimizer.weight_decay: must be >= 0, got -0.1",
        "optimizer={\"type\":\"adamw\",\"weight_decay\":-0.1}");
    assertMinimalFails(
        "$.optimizer.exclude_from_weight_decay: has no effect without weight_decay",
        "optimizer={\"type\":\"sgd\",\"exclude_from_weight_decay\":[\"bias\"]}");
    assertMinimalFails(
        "$.optimizer.exclude_from_weight_decay[0]: unknown value \"gamma\" (valid: batch_norm,"
            + " bias)",
        "optimizer={\"type\":\"adamw\",\"exclude_from_weight_decay\":[\"gamma\"]}");
    assertMinimalFails(
        "$.optimizer.clipnorm: must be > 0, got 0", "optimizer={\"type\":\"sgd\",\"clipnorm\":0}");
    assertMinimalFails(
        "$.optimizer.clipvalue: cannot be combined with global_clipnorm (Keras 3 applies only one"
            + " of clipnorm, global_clipnorm, clipvalue)",
        "optimizer={\"type\":\"rmsprop\",\"global_clipnorm\":1,\"clipvalue\":0.5}");
  }

  @Test
  void regularizationKeys() {
    assertMinimalFails(
        "$.training.regularization.l2: must be > 0, got 0", "training.regularization={\"l2\":0}");
    assertMinimalFails(
        "$.training.regularization.exclude[1]: listed twice",
        "training.regularization={\"exclude\":[\"bias\",\"bias\"]}");
  }

  /** Keras refuses to set a schedule's rate; here the combination is refused when loading. */
  @Test
  void aScheduleRefusesReduceLrOnPlateau() {
    assertMinimalFails(
        "$.training.callbacks[1]: reduce_lr_on_plateau cannot change a learning rate that follows"
            + " optimizer.schedule (as in Keras); drop one of them",
        COSINE + "\"decay_steps\":10}",
        "training.callbacks=[{\"type\":\"early_stopping\"},{\"type\":\"reduce_lr_on_plateau\"}]");
    // either alone is fine
    Fixtures.minimal(COSINE + "\"decay_steps\":10}");
    Fixtures.minimal("training.callbacks=[{\"type\":\"reduce_lr_on_plateau\"}]");
  }

  @Test
  void theKeysBindToTheirRecords() {
    Experiment e =
        Fixtures.minimal(
            "optimizer={\"type\":\"adamw\",\"global_clipnorm\":1,"
                + "\"exclude_from_weight_decay\":[\"batch_norm\",\"bias\"],"
                + "\"schedule\":{\"type\":\"cosine_decay\",\"decay_steps\":100,"
                + "\"warmup\":{\"steps\":10}}}",
            "training.regularization={}");
    AdamWConfig adamw = (AdamWConfig) e.optimizer();
    assertEquals(0.004, adamw.weightDecay());
    assertEquals(1.0, adamw.globalClipnorm());
    CosineDecayConfig cosine = (CosineDecayConfig) adamw.schedule();
    assertEquals(100L, cosine.decaySteps());
    assertEquals(10L, cosine.warmup().steps());
    assertEquals(0.0, cosine.warmup().startLearningRate());
    assertEquals(0.01, e.training().regularization().l2());
    assertEquals(2, e.training().regularization().exclude().size());
  }
}
