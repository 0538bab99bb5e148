package org.tfseg.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.RewriterConfig;

class TrainingSessionConfigTest {
  @Test
  void grapplerRunsOnceWithoutTheIdlePassesAndKeepsTheRest() {
    RewriterConfig r = TrainingSessionConfig.of(null).getGraphOptions().getRewriteOptions();
    assertEquals(RewriterConfig.NumIterationsType.ONE, r.getMetaOptimizerIterations());
    assertEquals(RewriterConfig.Toggle.OFF, r.getLoopOptimization());
    assertEquals(RewriterConfig.Toggle.OFF, r.getImplementationSelector());
    assertEquals(RewriterConfig.MemOptType.NO_MEM_OPT, r.getMemoryOptimization());
    assertEquals(true, r.getDisableTfgOptimizer());
    // DEFAULT means on: the passes that fuse and fold for speed are untouched.
    assertEquals(RewriterConfig.Toggle.DEFAULT, r.getRemapping());
    assertEquals(RewriterConfig.Toggle.DEFAULT, r.getConstantFolding());
    assertEquals(RewriterConfig.Toggle.DEFAULT, r.getArithmeticOptimization());
    assertEquals(RewriterConfig.Toggle.DEFAULT, r.getLayoutOptimizer());
    assertEquals(false, r.getDisableMetaOptimizer());
  }

  @Test
  void theBaseConfigsDevicesAndFiltersAreKept() {
    ConfigProto base =
        ConfigProto.newBuilder()
            .putDeviceCount("CPU", 2)
            .addDeviceFilters("/job:worker/task:1")
            .build();
    ConfigProto c = TrainingSessionConfig.of(base);
    assertEquals(2, c.getDeviceCountOrThrow("CPU"));
    assertEquals("/job:worker/task:1", c.getDeviceFilters(0));
    assertEquals(
        RewriterConfig.NumIterationsType.ONE,
        c.getGraphOptions().getRewriteOptions().getMetaOptimizerIterations());
  }
}
