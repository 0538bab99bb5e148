package org.tfseg.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.data.Batch;
import org.tfseg.data.BatchIterator;
import org.tfseg.data.InputPipeline;
import org.tfseg.data.PipelineOptions;
import org.tfseg.data.SamplePair;
import org.tfseg.data.source.OxfordPetFixture;
import org.tfseg.data.source.OxfordPetLayout;
import org.tfseg.loss.SparseCategoricalCrossEntropy;
import org.tfseg.metric.Accuracy;
import org.tfseg.metric.MeanIou;
import org.tfseg.model.UNet;
import org.tfseg.optim.Adam;

/** A tiny 3-class U-Net learns from the real Oxford-IIIT Pet trimaps with sparse cross-entropy. */
class PetTrainingTest {
  private static final int EPOCHS = 8;

  @TempDir Path root;

  @Test
  void sparseCrossEntropyFallsOnRealTrimaps() {
    List<SamplePair> samples =
        OxfordPetLayout.list(OxfordPetFixture.officialLayout(root), "trainval");
    ModelSpec spec =
        ModelSpec.builder(
                new UNet(4, 2, 3),
                64,
                64,
                3,
                new SparseCategoricalCrossEntropy(),
                tf -> new Adam(tf, 1e-2, 0.9, 0.999, 1e-7),
                List.of(new Accuracy(0.5), new MeanIou(0.5)),
                1)
            .build();
    double[] epochLoss = new double[EPOCHS];
    Map<String, Double> last = null;
    try (TrainingGraph graph = new TrainingGraph(spec);
        InputPipeline data =
            new InputPipeline(samples, new PipelineOptions(64, 64, 10, true, 3, 2, 1, false))) {
      for (int e = 0; e < EPOCHS; e++) {
        EpochAccumulator acc = new EpochAccumulator(spec.metrics());
        try (BatchIterator it = data.epoch(e)) {
          while (it.hasNext()) {
            try (Batch b = it.next()) {
              acc.add(graph.train(b.images(), b.masks()));
            }
          }
        }
        last = acc.values("");
        epochLoss[e] = last.get("loss");
      }
    }
    // log 3 ≈ 1.10 is chance for 3 classes
    assertTrue(epochLoss[EPOCHS - 1] < 0.85 * epochLoss[0], java.util.Arrays.toString(epochLoss));
    assertTrue(epochLoss[EPOCHS - 1] < 1.0, java.util.Arrays.toString(epochLoss));
    assertTrue(last.get("accuracy") > 0.5, last.toString());
  }
}
