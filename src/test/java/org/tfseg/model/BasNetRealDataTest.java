package org.tfseg.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tfseg.data.Batch;
import org.tfseg.data.BatchIterator;
import org.tfseg.data.InputPipeline;
import org.tfseg.data.PipelineOptions;
import org.tfseg.graph.Tensors;
import org.tfseg.loss.BasNetHybrid;
import org.tfseg.optim.Adam;
import org.tfseg.testing.SharedData;
import org.tfseg.train.ModelSpec;
import org.tfseg.train.TrainingGraph;

/**
 * A narrow BASNet (filters 4) trains on real salient-object pairs (sod-movahedi-elder) at 32×32:
 * the hybrid loss over its 8 outputs falls on a fixed batch of 4.
 */
class BasNetRealDataTest {
  @Test
  void hybridLossFallsOnRealImages() {
    var samples = SharedData.sod(4);
    ModelSpec spec =
        ModelSpec.builder(
                new BasNet(4, 4, 1),
                32,
                32,
                3,
                BasNetHybrid.basnet(),
                tf -> new Adam(tf, 1e-3, 0.9, 0.999, 1e-8),
                List.of(),
                7)
            .build();
    float[] x;
    float[] y;
    try (InputPipeline data =
            new InputPipeline(samples, new PipelineOptions(32, 32, 4, false, 0, 1, 0, false));
        BatchIterator it = data.epoch(0);
        Batch batch = it.next()) {
      x = Tensors.floats(batch.images());
      y = Tensors.floats(batch.masks());
    }
    List<Double> losses = new ArrayList<>();
    try (TrainingGraph g = new TrainingGraph(spec);
        TFloat32 images = Tensors.of(Shape.of(4, 32, 32, 3), x);
        TFloat32 masks = Tensors.of(Shape.of(4, 32, 32, 1), y)) {
      for (int i = 0; i < 10; i++) {
        losses.add(g.train(images, masks).loss());
      }
    }
    double first = (losses.get(0) + losses.get(1) + losses.get(2)) / 3;
    double last = (losses.get(7) + losses.get(8) + losses.get(9)) / 3;
    System.out.println("BASNet hybrid loss on 4 real images, 10 Adam steps: " + losses);
    assertTrue(
        last < first,
        "mean of the last 3 losses " + last + " not below the first 3 " + first + ": " + losses);
  }
}
