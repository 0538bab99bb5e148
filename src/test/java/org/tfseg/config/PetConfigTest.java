package org.tfseg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tfseg.config.Fixtures.assertMinimalFails;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tfseg.data.source.OxfordPetSourceConfig;
import org.tfseg.loss.BceDiceConfig;
import org.tfseg.loss.DiceConfig;
import org.tfseg.loss.SparseCategoricalCrossEntropyConfig;
import org.tfseg.metric.Metric;
import org.tfseg.metric.Metrics;

/** The Oxford-IIIT Pet source, the class-label losses and the class metrics in experiment files. */
class PetConfigTest {
  private static final String PET =
      "data.train={\"layout\":\"oxford_pet\",\"root\":\"data/oxford-iiit-pet\"}";

  @Test
  void oxfordPetSourceDefaultsToTrainval() {
    Experiment e =
        Fixtures.minimal(
            PET,
            "data.test={\"layout\":\"oxford_pet\",\"root\":\"p\",\"split\":\"test\",\"limit\":5}");
    assertEquals(
        new OxfordPetSourceConfig("data/oxford-iiit-pet", "trainval", null), e.data().train());
    assertEquals(new OxfordPetSourceConfig("p", "test", 5), e.data().test());
  }

  @Test
  void oxfordPetSourceRanges() {
    assertMinimalFails(
        "$.data.train.split: must be one of [trainval, test], got \"train\"",
        PET,
        "data.train.split=train");
    assertMinimalFails(
        "$.data.train.root: required key is missing", "data.train={\"layout\":\"oxford_pet\"}");
    assertMinimalFails("$.data.train.limit: must be >= 1, got 0", PET, "data.train.limit=0");
  }

  @Test
  void lossesBindWithDefaults() {
    assertEquals(
        new SparseCategoricalCrossEntropyConfig(),
        Fixtures.minimal("loss={\"type\":\"sparse_categorical_crossentropy\"}").loss());
    assertEquals(new DiceConfig(1.0, null), Fixtures.minimal("loss={\"type\":\"dice\"}").loss());
    assertEquals(
        new BceDiceConfig(0.5, 1.0), Fixtures.minimal("loss={\"type\":\"bce_dice\"}").loss());
    assertEquals(
        new BceDiceConfig(0.2, 0.0),
        Fixtures.minimal("loss={\"type\":\"bce_dice\",\"bce_weight\":0.2,\"smooth\":0}").loss());
  }

  @Test
  void lossRanges() {
    assertMinimalFails(
        "$.loss.bce_weight: must be in [0, 1], got 1.5",
        "loss={\"type\":\"bce_dice\",\"bce_weight\":1.5}");
    assertMinimalFails(
        "$.loss.smooth: must be >= 0, got -1", "loss={\"type\":\"dice\",\"smooth\":-1}");
  }

  @Test
  void classMetricsAreMonitorable() {
    Experiment e =
        Fixtures.minimal(
            "training.metrics=[\"accuracy\",\"mean_iou\",\"dice\"]",
            "training.callbacks=[{\"type\":\"early_stopping\",\"monitor\":\"val_mean_iou\"}]");
    assertEquals(List.of(Metric.ACCURACY, Metric.MEAN_IOU, Metric.DICE), e.training().metrics());
    assertEquals(
        List.of("loss", "val_loss", "mean_iou", "val_mean_iou"),
        Metrics.monitorable(List.of(Metric.MEAN_IOU)));
  }
}
