package org.tfseg.data;

import org.tfseg.data.source.SyntheticSalientData;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.UserError;

class PipelineBenchmarkTest {
  @TempDir Path tmp;

  @Test
  void reportsAFiniteRateAndRejectsZeroEpochs() {
    List<SamplePair> samples = SyntheticSalientData.generate(tmp.resolve("s"), 6, 32, 32, 3);
    PipelineOptions opts = new PipelineOptions(16, 16, 4, true, 0, 2, 1, false);
    double rate = PipelineBenchmark.imagesPerSecond(samples, opts, 2);
    assertTrue(rate > 0 && Double.isFinite(rate), "rate " + rate);
    assertThrows(UserError.class, () -> PipelineBenchmark.imagesPerSecond(samples, opts, 0));
  }
}
