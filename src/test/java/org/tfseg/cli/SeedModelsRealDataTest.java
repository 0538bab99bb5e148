package org.tfseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.data.source.OxfordPetFixture;
import org.tfseg.testing.SharedData;

/**
 * Seeds 001–003's architectures train a few steps on real data through {@code tfseg train} with a
 * falling loss: the MobileNetV2 U-Nets (frozen encoder, both decoders) on the Oxford-IIIT Pet
 * sample rewritten to the official layout, the ResNet-50 atrous U-Net on SOD salient-object pairs.
 * (No ImageNet weights can be downloaded here, so the encoders start from scratch.)
 */
class SeedModelsRealDataTest {
  @TempDir Path tmp;

  @Test
  void seed002MobileNetV2TransposeDecoderOnPets() throws Exception {
    assertLossFalls(
        petExperiment(
            "seed002", "{\"type\": \"transpose\", \"kernel_size\": 4}", "{\"type\": \"rmsprop\"}"));
  }

  @Test
  void seed003MobileNetV2Pix2PixDecoderOnPets() throws Exception {
    assertLossFalls(petExperiment("seed003", "{\"type\": \"pix2pix\"}", "{\"type\": \"adam\"}"));
  }

  @Test
  void seed001ResNet50AtrousDecoderOnSalientObjects() throws Exception {
    Path sod = SharedData.dir("sod-movahedi-elder");
    String json =
        """
        {
          "name": "seed001", "run_root": "%s",
          "model": {"architecture": "encoder_unet",
            "encoder": {"name": "resnet50", "weights": null, "trainable": true},
            "decoder": {"type": "atrous", "bridge_filters": 64, "stage_filters": [64, 32, 32, 16]}},
          "data": {"image_size": [64, 64],
            "train": {"layout": "folder", "images": "%s", "masks": "%s", "limit": 16},
            "augmentation": {"horizontal_flip": true, "brightness_contrast": {}}},
          "loss": {"type": "bce_dice", "bce_weight": 0.5},
          "optimizer": {"type": "adam", "learning_rate": 0.001},
          "training": {"batch_size": 4, "epochs": 5, "metrics": ["dice"]}
        }
        """
            .formatted(
                abs(tmp.resolve("runs")), abs(sod.resolve("images")), abs(sod.resolve("masks")));
    assertLossFalls(Files.writeString(tmp.resolve("seed001.json"), json));
  }

  private Path petExperiment(String name, String decoder, String optimizer) throws Exception {
    Path pets = OxfordPetFixture.officialLayout(tmp.resolve("pets"));
    String json =
        """
        {
          "name": "%s", "run_root": "%s",
          "model": {"architecture": "encoder_unet",
            "encoder": {"name": "mobilenet_v2", "weights": null, "trainable": false},
            "decoder": %s, "num_classes": 3},
          "data": {"image_size": [64, 64],
            "train": {"layout": "oxford_pet", "root": "%s", "split": "trainval"},
            "augmentation": {"horizontal_flip": true}},
          "loss": {"type": "sparse_categorical_crossentropy"},
          "optimizer": %s,
          "training": {"batch_size": 10, "epochs": 5, "metrics": ["accuracy"]}
        }
        """
            .formatted(name, abs(tmp.resolve("runs")), decoder, abs(pets), optimizer);
    return Files.writeString(tmp.resolve(name + ".json"), json);
  }

  private void assertLossFalls(Path experiment) throws Exception {
    CliRun r = CliRun.of(experiment.toString());
    assertEquals(0, r.code(), r.err() + r.out());
    String name = experiment.getFileName().toString().replace(".json", "");
    JsonNode history =
        new ObjectMapper().readTree(tmp.resolve("runs/" + name + "/run-001/history.json").toFile());
    List<Double> loss = new ArrayList<>();
    history.get("loss").forEach(v -> loss.add(v.asDouble()));
    System.out.println(name + " loss per epoch: " + loss);
    assertTrue(loss.get(loss.size() - 1) < loss.get(0), name + ": loss must fall: " + loss);
  }

  private static String abs(Path p) {
    return p.toAbsolutePath().normalize().toString().replace("\\", "/");
  }
}
