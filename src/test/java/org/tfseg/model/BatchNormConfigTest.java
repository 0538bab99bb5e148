package org.tfseg.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.GraphOperation;
import org.tfseg.config.ExperimentLoader;
import org.tfseg.task.SegmentationTask;
import org.tfseg.train.TrainingGraph;

/** {@code model.batch_norm} reaches every BatchNorm the architecture builds, in both towers. */
class BatchNormConfigTest {
  @TempDir Path tmp;

  private SegmentationTask task(String batchNorm) {
    String json =
        """
        {"name": "bn", "model": {"architecture": "unet", "base_filters": 2, "depth": 1 %s},
         "data": {"image_size": [16, 16], "train": {"layout": "synthetic", "root": "%s", "count": 2, "size": [16, 16]}},
         "loss": {"type": "bce"}, "optimizer": {"type": "sgd"}, "training": {"batch_size": 2, "epochs": 1}}
        """
            .formatted(batchNorm, tmp.toString().replace("\\", "/"));
    return new SegmentationTask(ExperimentLoader.parse(json, List.of(), "bn.json"));
  }

  private List<Float> epsilons(String batchNorm) {
    SegmentationTask task = task(batchNorm);
    List<Float> eps = new ArrayList<>();
    try (TrainingGraph g = new TrainingGraph(task.trainingSpec())) {
      g.session()
          .graph()
          .operations()
          .forEachRemaining(
              op -> {
                if (op.type().equals("FusedBatchNormV3")) {
                  eps.add(((GraphOperation) op).attributes().getAttrFloat("epsilon"));
                }
              });
    }
    return eps;
  }

  @Test
  void epsilonDefaultsToKerasAndFollowsTheConfig() {
    List<Float> keras = epsilons("");
    assertEquals(12, keras.size(), "3 blocks x 2 BN x (train + eval tower)");
    keras.forEach(e -> assertEquals(1e-3f, e));
    epsilons(", \"batch_norm\": {\"epsilon\": 0.01, \"momentum\": 0.5}")
        .forEach(e -> assertEquals(0.01f, e));
  }

  /** After one step the moving mean is {@code (1 − momentum)·batch mean} (it starts at 0). */
  @Test
  void momentumFollowsTheConfig() {
    float keras = movingMeanAfterOneStep("");
    float half = movingMeanAfterOneStep(", \"batch_norm\": {\"momentum\": 0.5}");
    assertEquals(0.5 / 0.01, half / keras, 1e-3);
  }

  private float movingMeanAfterOneStep(String batchNorm) {
    SegmentationTask task = task(batchNorm);
    float[] x = new float[2 * 16 * 16 * 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i % 7) / 7f;
    }
    try (TrainingGraph g = new TrainingGraph(task.trainingSpec());
        var xt = org.tfseg.graph.Tensors.of(org.tensorflow.ndarray.Shape.of(2, 16, 16, 3), x);
        var yt =
            org.tfseg.graph.Tensors.of(
                org.tensorflow.ndarray.Shape.of(2, 16, 16, 1), new float[2 * 16 * 16])) {
      g.train(xt, yt);
      int i = 0;
      for (var v : g.store().all()) {
        if (v.name().equals("enc1/bn1/moving_mean")) {
          return g.weights().get(i)[0];
        }
        i++;
      }
    }
    throw new AssertionError("no enc1/bn1/moving_mean");
  }
}
