package org.tfseg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.tfseg.config.Fixtures.assertMinimalFails;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.tfseg.callback.TensorBoardConfig;
import org.tfseg.callback.UpdateFreq;

/** The {@code tensorboard} callback's keys: Keras' defaults, {@code update_freq}'s two forms. */
class TensorBoardConfigTest {
  private static TensorBoardConfig callback(String json) {
    return (TensorBoardConfig)
        Fixtures.minimal("training.callbacks=[" + json + "]").training().callbacks().get(0);
  }

  @Test
  void defaultsAreKeras() {
    assertEquals(
        new TensorBoardConfig(UpdateFreq.EPOCH, true, true, 4),
        callback("{\"type\":\"tensorboard\"}"));
  }

  @Test
  void updateFreqIsEpochOrASteps() {
    assertEquals(
        UpdateFreq.EPOCH,
        callback("{\"type\":\"tensorboard\",\"update_freq\":\"epoch\"}").updateFreq());
    UpdateFreq ten = callback("{\"type\":\"tensorboard\",\"update_freq\":10}").updateFreq();
    assertEquals(new UpdateFreq(10), ten);
    assertTrue(ten.writesAt(20) && !ten.writesAt(25) && !UpdateFreq.EPOCH.writesAt(20));
  }

  @Test
  void resolvedFormLoadsBack() {
    Experiment e =
        Fixtures.minimal(
            "training.callbacks=[{\"type\":\"tensorboard\",\"update_freq\":3,\"panel_images\":2}]");
    String json = ExperimentLoader.toJson(e);
    assertTrue(json.contains("\"update_freq\": 3"), json);
    assertEquals(e, ExperimentLoader.parse(json, List.of(), "resolved.json"));
    Experiment epoch = Fixtures.minimal("training.callbacks=[{\"type\":\"tensorboard\"}]");
    assertTrue(ExperimentLoader.toJson(epoch).contains("\"update_freq\": \"epoch\""));
  }

  @Test
  void invalidValuesNameTheirPath() {
    String at = "$.training.callbacks[0].";
    assertMinimalFails(
        at + "update_freq: must be \"epoch\" or an integer >= 1, got \"batch\"",
        "training.callbacks=[{\"type\":\"tensorboard\",\"update_freq\":\"batch\"}]");
    assertMinimalFails(
        at + "update_freq: must be \"epoch\" or an integer >= 1, got 0",
        "training.callbacks=[{\"type\":\"tensorboard\",\"update_freq\":0}]");
    assertMinimalFails(
        at + "update_freq: must be \"epoch\" or an integer >= 1, got 2.5",
        "training.callbacks=[{\"type\":\"tensorboard\",\"update_freq\":2.5}]");
    assertMinimalFails(
        at + "panel_images: must be in [1, 16], got 17",
        "training.callbacks=[{\"type\":\"tensorboard\",\"panel_images\":17}]");
    assertMinimalFails(
        at + "write_graph: expected a boolean, got string \"yes\"",
        "training.callbacks=[{\"type\":\"tensorboard\",\"write_graph\":\"yes\"}]");
  }
}
