package org.tfseg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tfseg.testing.SharedData;

class InputPipelineTest {
  private static PipelineOptions options(int batch, boolean shuffle, long seed, boolean drop) {
    return new PipelineOptions(64, 48, batch, shuffle, seed, 2, 2, drop);
  }

  /** Ids per batch of one epoch, checking shapes and value ranges on the way. */
  private static List<List<String>> run(InputPipeline pipeline, int epoch) {
    List<List<String>> batches = new ArrayList<>();
    try (BatchIterator it = pipeline.epoch(epoch)) {
      while (it.hasNext()) {
        try (Batch batch = it.next()) {
          int n = batch.size();
          assertEquals(Shape.of(n, 64, 48, 3), batch.images().shape());
          assertEquals(Shape.of(n, 64, 48, 1), batch.masks().shape());
          float[] range = minMax(batch.images());
          assertTrue(range[0] >= 0f && range[1] <= 1f, "image values in [0,1]");
          assertTrue(range[1] - range[0] > 0.3f, "images are not flat");
          batches.add(batch.ids());
        }
      }
    }
    return batches;
  }

  static float[] minMax(TFloat32 t) {
    float[] r = {Float.MAX_VALUE, -Float.MAX_VALUE};
    t.scalars()
        .forEach(
            s -> {
              r[0] = Math.min(r[0], s.getFloat());
              r[1] = Math.max(r[1], s.getFloat());
            });
    return r;
  }

  @Test
  void batchesCoverEverySampleOnceInASeededOrderPerEpoch() {
    List<SamplePair> samples = SharedData.sod(16);
    try (InputPipeline a = new InputPipeline(samples, options(5, true, 7, false));
        InputPipeline b = new InputPipeline(samples, options(5, true, 7, false))) {
      assertEquals(16, a.size());
      assertEquals(4, a.stepsPerEpoch());
      List<List<String>> epoch0 = run(a, 0);
      assertEquals(List.of(5, 5, 5, 1), epoch0.stream().map(List::size).toList());
      List<String> ids0 = epoch0.stream().flatMap(List::stream).toList();
      assertEquals(
          samples.stream().map(SamplePair::id).sorted().toList(),
          ids0.stream().sorted().toList(),
          "every sample exactly once");
      assertNotEquals(samples.stream().map(SamplePair::id).toList(), ids0, "shuffled");
      List<String> ids1 = run(a, 1).stream().flatMap(List::stream).toList();
      assertNotEquals(ids0, ids1, "a new order in the next epoch");
      assertEquals(new HashSet<>(ids0), new HashSet<>(ids1));
      // Another pipeline, same seed, epoch 1 first: the order depends on (seed, epoch) only.
      assertEquals(ids1, run(b, 1).stream().flatMap(List::stream).toList());
      assertEquals(ids0, run(b, 0).stream().flatMap(List::stream).toList());
    }
  }

  @Test
  void unshuffledKeepsListOrderAndDropRemainderDropsTheShortBatch() {
    List<SamplePair> samples = SharedData.sod(16);
    try (InputPipeline pipeline = new InputPipeline(samples, options(5, false, 0, true))) {
      assertEquals(3, pipeline.stepsPerEpoch());
      List<List<String>> batches = run(pipeline, 3);
      assertEquals(List.of(5, 5, 5), batches.stream().map(List::size).toList());
      assertEquals(
          samples.subList(0, 15).stream().map(SamplePair::id).toList(),
          batches.stream().flatMap(List::stream).toList());
    }
  }

  @Test
  void oneBitMasksComeOutAsZeroAndOneWithBothClasses() {
    try (InputPipeline pipeline =
            new InputPipeline(SharedData.sod(16), options(8, false, 0, false));
        BatchIterator it = pipeline.epoch(0);
        Batch batch = it.next()) {
      float[] range = minMax(batch.masks());
      assertEquals(0f, range[0]);
      assertEquals(1f, range[1]);
      long[] counts = new long[3]; // background, edge (0,1), salient
      batch
          .masks()
          .scalars()
          .forEach(
              s -> {
                float v = s.getFloat();
                counts[v == 0f ? 0 : v == 1f ? 2 : 1]++;
              });
      long total = counts[0] + counts[1] + counts[2];
      double salient = (double) counts[2] / total;
      assertTrue(salient > 0.05 && salient < 0.8, "salient fraction " + salient);
      assertTrue(counts[1] < total / 10, "only resize edges are in (0,1): " + counts[1]);
    }
  }

  @Test
  void startingAnEpochEndsThePreviousOne() {
    try (InputPipeline pipeline =
        new InputPipeline(SharedData.sod(4), options(2, true, 1, false))) {
      BatchIterator first = pipeline.epoch(0);
      pipeline.epoch(1).close();
      assertFalse(first.hasNext());
      assertThrows(java.util.NoSuchElementException.class, first::next);
    }
  }
}
