package org.tfseg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.UserError;
import org.tfseg.data.source.SyntheticSalientData;

class PipelineBenchmarkTest {
  @TempDir Path tmp;

  @Test
  void countsEveryImageOfTheTimedEpochsAndRejectsZeroEpochs() {
    List<SamplePair> samples = SyntheticSalientData.generate(tmp.resolve("s"), 6, 32, 32, 3);
    PipelineOptions opts = new PipelineOptions(16, 16, 4, true, 0, 2, 1, false);
    PipelineBenchmark.Result r = PipelineBenchmark.run(samples, opts, 3);
    assertEquals(
        18, r.images(), "3 timed epochs of 6 images (4 + a partial batch of 2), warm-up excluded");
    assertEquals(r.images() / r.seconds(), r.imagesPerSecond(), 1e-9);
    assertThrows(UserError.class, () -> PipelineBenchmark.run(samples, opts, 0));
  }
}
