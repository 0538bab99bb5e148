package org.tfseg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.tfseg.config.Fixtures.assertMinimalFails;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tfseg.data.SampleCache;
import org.tfseg.loss.BinaryFocalCrossEntropyConfig;
import org.tfseg.loss.CategoricalFocalCrossEntropyConfig;
import org.tfseg.loss.TverskyConfig;

/**
 * The loss, ignore-label, augmentation and cache keys: defaults, and one-line errors with the JSON
 * path for bad values and for cross-field mismatches with the model.
 */
class KnobsConfigTest {
  private static final String MULTI = "model.num_classes=3";

  @Test
  void newLossesBindWithKerasDefaults() {
    assertEquals(
        new BinaryFocalCrossEntropyConfig(false, 0.25, 2.0, 0.0, null),
        Fixtures.minimal("loss={\"type\":\"binary_focal_crossentropy\"}").loss());
    assertEquals(
        new CategoricalFocalCrossEntropyConfig(0.25, 2.0, 0.0, List.of(1.0, 2.0, 3.0)),
        Fixtures.minimal(
                MULTI,
                "loss={\"type\":\"categorical_focal_crossentropy\",\"class_weights\":[1,2,3]}")
            .loss());
    assertEquals(
        new TverskyConfig(0.5, 0.5, 0.0, null),
        Fixtures.minimal("loss={\"type\":\"tversky\"}").loss());
    Experiment e = Fixtures.minimal(MULTI, "data.ignore_label=255", "data.cache=memory");
    assertEquals(255, e.data().ignoreLabel());
    assertEquals(SampleCache.MEMORY, e.data().cache());
    assertEquals(SampleCache.NONE, Fixtures.minimal().data().cache());
  }

  @Test
  void lossKeysAreChecked() {
    assertMinimalFails(
        "$.loss.gamma: must be >= 0, got -1",
        "loss={\"type\":\"binary_focal_crossentropy\",\"gamma\":-1}");
    assertMinimalFails(
        "$.loss.gamma: must be >= 0, got -0.5",
        MULTI,
        "loss={\"type\":\"categorical_focal_crossentropy\",\"gamma\":-0.5}");
    assertMinimalFails(
        "$.loss.alpha: must be in [0, 1], got 1.5",
        "loss={\"type\":\"binary_focal_crossentropy\",\"alpha\":1.5}");
    assertMinimalFails(
        "$.loss.label_smoothing: must be in [0, 1], got 2",
        "loss={\"type\":\"bce\",\"label_smoothing\":2}");
    assertMinimalFails(
        "$.loss.class_weights: expected 2 weights, got 3",
        "loss={\"type\":\"bce\",\"class_weights\":[1,2,3]}");
    assertMinimalFails(
        "$.loss.class_weights[1]: must be a finite number >= 0, got -1.0",
        "loss={\"type\":\"bce\",\"class_weights\":[1,-1]}");
    assertMinimalFails(
        "$.loss.class_weights: at least one weight must be > 0",
        "loss={\"type\":\"bce\",\"class_weights\":[0,0]}");
    assertMinimalFails(
        "$.loss.beta: alpha + beta must be > 0 (else the loss ignores every error)",
        "loss={\"type\":\"tversky\",\"alpha\":0,\"beta\":0}");
  }

  @Test
  void classWeightsMustMatchTheModel() {
    assertMinimalFails(
        "$.loss.class_weights: 2 weight(s) for a model with 3 classes",
        MULTI,
        "loss={\"type\":\"sparse_categorical_crossentropy\",\"class_weights\":[1,2]}");
    assertMinimalFails(
        "$.loss.terms[1].loss.class_weights: 4 weight(s) for a model with 3 classes",
        MULTI,
        "loss={\"type\":\"weighted_sum\",\"terms\":[{\"loss\":{\"type\":"
            + "\"sparse_categorical_crossentropy\"}},{\"loss\":{\"type\":\"dice\","
            + "\"class_weights\":[1,1,1,1]}}]}");
    assertMinimalFails(
        "$.loss.class_weights: needs a multi-class model (num_classes >= 2); this model has one"
            + " sigmoid output",
        "loss={\"type\":\"dice\",\"class_weights\":[1,2]}");
  }

  @Test
  void anIgnoreLabelNeedsAMultiClassModel() {
    assertMinimalFails(
        "$.data.ignore_label: needs a multi-class model with class-label targets"
            + " (model.num_classes >= 2); a sigmoid model's grey masks have no void label",
        "data.ignore_label=255");
    assertMinimalFails(
        "$.data.ignore_label: must be in [0, 255], got 300", MULTI, "data.ignore_label=300");
  }

  @Test
  void augmentationKeysAreChecked() {
    assertMinimalFails(
        "$.data.augmentation.rotate.limit: must be in [0, 180], got 200",
        "data.augmentation={\"rotate\":{\"limit\":200}}");
    assertMinimalFails(
        "$.data.augmentation.gaussian_blur.blur_limit: must be odd, got 4",
        "data.augmentation={\"gaussian_blur\":{\"blur_limit\":4}}");
    assertMinimalFails(
        "$.data.augmentation.gaussian_blur.sigma_limit: low must be <= high, got [2, 1]",
        "data.augmentation={\"gaussian_blur\":{\"sigma_limit\":[2,1]}}");
    assertMinimalFails(
        "$.data.augmentation.gauss_noise.std_range: expected [low, high], got 1 value(s)",
        "data.augmentation={\"gauss_noise\":{\"std_range\":[0.1]}}");
    assertMinimalFails(
        "$.data.augmentation.random_scale.scale_limit: must be in [0, 0.9], got 1",
        "data.augmentation={\"random_scale\":{\"scale_limit\":1}}");
    assertMinimalFails(
        "$.data.augmentation.hue_saturation_value.p: must be in [0, 1], got 2",
        "data.augmentation={\"hue_saturation_value\":{\"p\":2}}");
  }
}
