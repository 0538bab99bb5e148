package org.tfseg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tfseg.callback.EarlyStoppingConfig;
import org.tfseg.callback.ModelCheckpointConfig;
import org.tfseg.callback.MonitorMode;
import org.tfseg.callback.ReduceLrOnPlateauConfig;
import org.tfseg.callback.TensorBoardConfig;
import org.tfseg.callback.UpdateFreq;
import org.tfseg.data.source.DutsSourceConfig;
import org.tfseg.data.source.SyntheticSourceConfig;
import org.tfseg.loss.BinaryCrossEntropyConfig;
import org.tfseg.metric.Metric;
import org.tfseg.model.UNetConfig;
import org.tfseg.optim.AdamConfig;

/** Every committed experiment loads, and survives a toJson round-trip unchanged. */
class ExperimentFilesTest {
  static Stream<Path> experimentFiles() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of("experiments"))) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no experiment files found");
    return files.stream();
  }

  @ParameterizedTest
  @MethodSource("experimentFiles")
  void loadsAndRoundTrips(Path file, @org.junit.jupiter.api.io.TempDir Path tmp)
      throws IOException {
    Experiment e = ExperimentLoader.load(file, List.of());
    String json = ExperimentLoader.toJson(e);
    assertEquals(e, ExperimentLoader.parse(json, List.of(), "resolved.json"));
    Path copy = Files.writeString(tmp.resolve("resolved.json"), json);
    assertEquals(e, ExperimentLoader.load(copy, List.of()));
    assertEquals(json, ExperimentLoader.toJson(ExperimentLoader.load(copy, List.of())));
  }

  @Test
  void unetDuts() {
    Experiment e = ExperimentLoader.load(Path.of("experiments/unet_duts.json"), List.of());
    assertEquals("unet_duts", e.name());
    assertEquals(42L, e.seed());
    assertEquals(new UNetConfig(64, 4, 1, 3, null), e.model());
    assertEquals(new ImageSize(256, 256), e.data().imageSize());
    assertEquals(new DutsSourceConfig("data/DUTS", "DUTS-TR", null), e.data().train());
    assertEquals(new DutsSourceConfig("data/DUTS", "DUTS-TE", null), e.data().test());
    assertEquals(0.1, e.data().validationHoldout());
    assertEquals(new BinaryCrossEntropyConfig(), e.loss());
    assertEquals(new AdamConfig(1e-4, 0.9, 0.999, 1e-7), e.optimizer());
    assertEquals(8, e.training().batchSize());
    assertEquals(15, e.training().epochs());
    assertEquals(List.of(Metric.PRECISION, Metric.RECALL), e.training().metrics());
    assertEquals(
        List.of(
            new ReduceLrOnPlateauConfig("val_loss", 0.1, 3, MonitorMode.AUTO, 1e-4, 0, 0.0),
            new ModelCheckpointConfig("val_loss", MonitorMode.AUTO, true),
            new EarlyStoppingConfig("val_loss", 0.0, 5, MonitorMode.AUTO, null, true, 0)),
        e.training().callbacks());
    assertEquals(List.of(Metric.PRECISION, Metric.RECALL, Metric.MAE), e.evaluation().metrics());
    assertEquals(Path.of("runs", "unet_duts"), e.experimentDir());
  }

  @Test
  void quickstart() {
    Experiment e = ExperimentLoader.load(Path.of("experiments/quickstart.json"), List.of());
    assertEquals(new UNetConfig(8, 3, 1, 3, null), e.model());
    assertEquals(new ImageSize(96, 96), e.data().imageSize());
    assertEquals(
        new SyntheticSourceConfig("data/synthetic-train", 480, 1L, new ImageSize(96, 96)),
        e.data().train());
    assertEquals(
        new SyntheticSourceConfig("data/synthetic-test", 64, 2L, new ImageSize(96, 96)),
        e.data().test());
    assertEquals(0.15, e.data().validationHoldout());
    assertEquals(8, e.training().batchSize());
    assertEquals(15, e.training().epochs());
    assertEquals(1e-3, e.optimizer().learningRate());
    assertEquals(4, e.training().callbacks().size());
    assertEquals(
        new TensorBoardConfig(new UpdateFreq(10), true, true, 4), e.training().callbacks().get(3));
  }
}
