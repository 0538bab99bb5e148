package org.tfseg.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.config.ExperimentLoader;
import org.tfseg.data.DataSplits;
import org.tfseg.data.LabelMap;
import org.tfseg.data.source.OxfordPetFixture;
import org.tfseg.loss.SparseCategoricalCrossEntropy;
import org.tfseg.metric.StreamingMetric;

/** An experiment naming the Oxford-IIIT Pet data, sparse cross-entropy and the class metrics. */
class PetTaskTest {
  @TempDir Path root;

  @Test
  void petExperimentResolvesSplitsLossAndPerClassIou() {
    OxfordPetFixture.officialLayout(root);
    String json =
        """
        {
          "name": "pets",
          "model": {"architecture": "unet", "base_filters": 4, "depth": 2, "num_classes": 3},
          "data": {
            "image_size": [32, 32],
            "train": {"layout": "oxford_pet", "root": "%s", "split": "trainval"},
            "test": {"layout": "oxford_pet", "root": "%s", "split": "test", "limit": 4},
            "validation_fraction": 0.25
          },
          "loss": {"type": "sparse_categorical_crossentropy"},
          "optimizer": {"type": "rmsprop"},
          "training": {"batch_size": 4, "epochs": 1, "metrics": ["accuracy", "mean_iou"]},
          "evaluation": {"metrics": ["accuracy", "mean_iou"]}
        }
        """
            .formatted(root, root);
    SegmentationTask task =
        new SegmentationTask(ExperimentLoader.parse(json, List.of(), "pets.json"));
    DataSplits splits = task.splits();
    assertEquals(
        List.of(15, 5, 4),
        List.of(splits.train().size(), splits.validation().size(), splits.test().size()));
    assertEquals(LabelMap.OXFORD_TRIMAP, splits.train().get(0).labels());
    assertInstanceOf(SparseCategoricalCrossEntropy.class, task.trainingSpec().loss());
    assertEquals(
        List.of("accuracy", "mean_iou"),
        task.trainingSpec().metrics().stream().map(StreamingMetric::name).toList());
    assertEquals(
        List.of("accuracy", "mean_iou", "iou_class0", "iou_class1", "iou_class2"),
        task.evaluationMetrics().stream().map(StreamingMetric::name).toList());
  }
}
