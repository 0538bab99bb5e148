package org.tfseg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tfseg.data.AugmentationConfig;
import org.tfseg.data.source.DutsSourceConfig;
import org.tfseg.loss.BasNetHybridConfig;
import org.tfseg.loss.BinaryCrossEntropyConfig;
import org.tfseg.loss.DeepSupervisionConfig;
import org.tfseg.loss.SoftIouConfig;
import org.tfseg.loss.Ssim;
import org.tfseg.loss.SsimConfig;
import org.tfseg.loss.WeightedSumConfig;
import org.tfseg.loss.WeightedTermConfig;
import org.tfseg.metric.Metric;
import org.tfseg.model.BasNetConfig;
import org.tfseg.optim.AdamConfig;

/** The BASNet experiment files and the checks that tie model, data and loss together. */
class BasNetExperimentTest {
  private static final String BASNET =
      """
      {
        "name": "x",
        "model": {"architecture": "basnet", "filters": 16, "refine_filters": 8},
        "data": {
          "image_size": [64, 64],
          "train": {"layout": "folder", "images": "img", "masks": "msk"}
        },
        "loss": {"type": "basnet_hybrid"},
        "optimizer": {"type": "adam"},
        "training": {"batch_size": 2, "epochs": 1}
      }
      """;

  @Test
  void kerasExampleSetup() {
    Experiment e = ExperimentLoader.load(Path.of("experiments/basnet.json"), List.of());
    assertEquals(new BasNetConfig(64, 64, 1, null), e.model());
    assertEquals(new ImageSize(288, 288), e.data().imageSize());
    assertEquals(new DutsSourceConfig("data/DUTS", "DUTS-TE", 140), e.data().train());
    assertEquals(0.1, e.data().validationHoldout());
    assertEquals(SplitOrder.SORTED, e.data().splitOrder());
    assertNull(e.data().augmentation());
    assertEquals(new BasNetHybridConfig(Ssim.Padding.VALID), e.loss());
    assertEquals(new AdamConfig(1e-4, 0.9, 0.999, 1e-8), e.optimizer());
    assertEquals(4, e.training().batchSize());
    assertEquals(List.of(Metric.MAE), e.training().metrics());
    assertEquals(List.of(Metric.SOD), e.evaluation().metrics());
    assertEquals(Split.VALIDATION, e.evaluation().split());
  }

  @Test
  void paperProtocol() {
    Experiment e = ExperimentLoader.load(Path.of("experiments/basnet_paper.json"), List.of());
    assertEquals(new DutsSourceConfig("data/DUTS", "DUTS-TR", null), e.data().train());
    assertEquals(new DutsSourceConfig("data/DUTS", "DUTS-TE", null), e.data().test());
    assertEquals(
        new AugmentationConfig(true, new ImageSize(224, 224), null), e.data().augmentation());
    assertEquals(new ImageSize(224, 224), e.data().trainingSize());
    assertEquals(new ImageSize(256, 256), e.data().imageSize());
    assertEquals(new AdamConfig(1e-3, 0.9, 0.999, 1e-8), e.optimizer());
    assertEquals(8, e.training().batchSize());
    assertEquals(400_000L, e.training().maxSteps());
    assertEquals(new BasNetHybridConfig(Ssim.Padding.SAME), e.loss());
  }

  @Test
  void compositeLossesBindRecursively() {
    Experiment e =
        Fixtures.load(
            BASNET,
            "loss={\"type\":\"deep_supervision\",\"loss\":{\"type\":\"weighted_sum\","
                + "\"terms\":[{\"loss\":{\"type\":\"bce\"}},{\"loss\":{\"type\":\"ssim\",\"padding\":\"same\"},\"weight\":2},"
                + "{\"loss\":{\"type\":\"soft_iou\"}}]},\"weights\":[1,1,1,1,1,1,1,0.5]}");
    assertEquals(
        new DeepSupervisionConfig(
            new WeightedSumConfig(
                List.of(
                    new WeightedTermConfig(new BinaryCrossEntropyConfig(), 1.0),
                    new WeightedTermConfig(new SsimConfig(Ssim.Padding.SAME), 2.0),
                    new WeightedTermConfig(new SoftIouConfig(1e-9), 1.0))),
            List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 0.5)),
        e.loss());
  }

  @Test
  void configErrors() {
    Fixtures.assertFails(
        "$.data.image_size: must be a multiple of 32 for this model, got [100, 96]",
        BASNET,
        "data.image_size=[100,96]");
    Fixtures.assertFails(
        "$.data.augmentation.random_crop: must be a multiple of 32 for this model, got [40, 32]",
        BASNET,
        "data.augmentation={\"random_crop\":[40,32]}");
    Fixtures.assertFails(
        "$.data.augmentation.random_crop: must fit in image_size [64, 64], got [96, 32]",
        BASNET,
        "data.augmentation={\"random_crop\":[96,32]}");
    Fixtures.assertFails(
        "$.loss: the model has 8 outputs; use deep_supervision or basnet_hybrid so that every "
            + "output is trained",
        BASNET,
        "loss={\"type\":\"bce\"}");
    Fixtures.assertFails(
        "$.loss.weights: 3 weight(s) for a model with 8 output(s)",
        BASNET,
        "loss={\"type\":\"deep_supervision\",\"loss\":{\"type\":\"bce\"},\"weights\":[1,1,1]}");
    Fixtures.assertFails(
        "$.loss.loss: deep supervision cannot be nested",
        BASNET,
        "loss={\"type\":\"deep_supervision\",\"loss\":{\"type\":\"basnet_hybrid\"}}");
    Fixtures.assertFails(
        "$.loss.terms: needs at least one term",
        BASNET,
        "loss={\"type\":\"weighted_sum\",\"terms\":[]}");
    Fixtures.assertFails(
        "$.loss.padding: unknown value \"full\" (valid: valid, same)",
        Fixtures.MINIMAL,
        "loss={\"type\":\"ssim\",\"padding\":\"full\"}");
    Fixtures.assertFails(
        "$.training.metrics[0]: 'sod' is an evaluation metric only",
        BASNET,
        "training.metrics=[\"sod\"]");
    Fixtures.assertFails(
        "$.evaluation.metrics: 'sod' reports its own nine metrics (MAE included); list it alone",
        BASNET,
        "evaluation.metrics=[\"sod\",\"mae\"]");
    Fixtures.assertFails(
        "$.training.max_steps: must be >= 1, got 0", BASNET, "training.max_steps=0");
    Fixtures.assertFails(
        "$.data.augmentation.brightness_contrast.p: must be in [0, 1], got 2",
        BASNET,
        "data.augmentation={\"brightness_contrast\":{\"p\":2}}");
    // a single-output model takes deep supervision with one weight
    assertEquals(
        1,
        ((DeepSupervisionConfig)
                Fixtures.minimal(
                        "loss={\"type\":\"deep_supervision\",\"loss\":{\"type\":\"bce\"},\"weights\":[2]}")
                    .loss())
            .weights()
            .size());
  }
}
