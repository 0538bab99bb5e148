package org.tfseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tfseg.config.Experiment;
import org.tfseg.config.ExperimentLoader;
import org.tfseg.model.EncoderUNetConfig;
import org.tfseg.optim.AdamConfig;
import org.tfseg.optim.RmsPropConfig;

/**
 * The experiment files of seeds 001–003: their hyperparameters, parameter totals and weights check.
 */
class SeedExperimentsTest {
  @Test
  void seed002MobileNetV2TransposeOnPets() {
    Experiment e = load("mobilenetv2_unet_pets");
    EncoderUNetConfig m = (EncoderUNetConfig) e.model();
    assertEquals("mobilenet_v2", m.encoder().name());
    assertEquals(false, m.encoder().trainable());
    assertEquals(3, m.numClasses());
    assertEquals(256, e.data().imageSize().height());
    assertEquals(new RmsPropConfig(1e-3, 0.9, 0.0, 1e-7, false), e.optimizer());
    assertEquals(64, e.training().batchSize());
    assertEquals(10, e.training().epochs());
    assertEquals(57, e.training().stepsPerEpoch()); // 3680 // 64
    assertEquals(11, e.training().validationSteps()); // 3669 // 64 // 5
    assertTrue(e.data().augmentation().horizontalFlip());
    assertTotals("mobilenetv2_unet_pets", "10,124,067", "8,280,163", "1,843,904");
  }

  @Test
  void seed003MobileNetV2Pix2PixOnPets() {
    Experiment e = load("pix2pix_unet_pets");
    assertEquals(128, e.data().imageSize().height());
    assertEquals(new AdamConfig(1e-3, 0.9, 0.999, 1e-7), e.optimizer());
    assertEquals(64, e.training().batchSize());
    assertEquals(20, e.training().epochs());
    assertTotals("pix2pix_unet_pets", "6,504,227", "4,660,323", "1,843,904");
  }

  @Test
  void seed001ResNet50AtrousBceDice() {
    Experiment e = load("resunet_atrous");
    EncoderUNetConfig m = (EncoderUNetConfig) e.model();
    assertEquals("resnet50", m.encoder().name());
    assertEquals(512, e.data().imageSize().height());
    assertEquals(1e-4, e.optimizer().learningRate());
    assertEquals(8, e.training().batchSize());
    assertEquals(25, e.training().epochs());
    assertTrue(e.data().augmentation().horizontalFlip());
    assertTrue(e.data().augmentation().brightnessContrast() != null);
    assertTotals("resunet_atrous", "134,843,585", "134,769,857", "73,728");
  }

  @Test
  void aMissingWeightsFileFailsFastNamingTheFetchScript() {
    CliRun r = CliRun.of("experiments/mobilenetv2_unet_pets.json");
    assertEquals(2, r.code(), r.err());
    assertTrue(
        r.err().contains("mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224_no_top.h5"),
        r.err());
    assertTrue(r.err().contains("tools/fetch_weights.sh"), r.err());
  }

  private static Experiment load(String name) {
    return ExperimentLoader.load(Path.of("experiments", name + ".json"), List.of());
  }

  private static void assertTotals(
      String name, String total, String trainable, String nonTrainable) {
    CliRun r = CliRun.of("summary", "experiments/" + name + ".json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Total params: " + total + "\n"), r.out());
    assertTrue(r.out().contains("Trainable params: " + trainable + "\n"), r.out());
    assertTrue(r.out().contains("Non-trainable params: " + nonTrainable + "\n"), r.out());
  }
}
