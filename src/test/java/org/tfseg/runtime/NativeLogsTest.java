package org.tfseg.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The stderr filter drops exactly TensorFlow's native info/warning lines (as TF 2.18 prints them).
 */
class NativeLogsTest {
  @Test
  void dropsAbslInfoAndWarningLinesOnly() {
    assertTrue(
        NativeLogs.isNoise(
            "WARNING: All log messages before absl::InitializeLog() is called are written to STDERR"));
    assertTrue(
        NativeLogs.isNoise(
            "I0000 00:00:1796244047.401842    6649 mlir_graph_optimization_pass.cc:401] MLIR V1 optimization pass is not enabled"));
    assertTrue(
        NativeLogs.isNoise("W0000 00:00:1796244047.401842    6649 op_kernel.cc:1816] something"));
    assertFalse(
        NativeLogs.isNoise("E0000 00:00:1796244047.401842    6649 op_kernel.cc:1816] an error"));
    assertFalse(
        NativeLogs.isNoise("tfseg: error: x.json: $.training.batch_size: must be >= 1, got 0"));
    assertFalse(NativeLogs.isNoise("Epoch 1/3"));
    assertFalse(
        NativeLogs.isNoise(
            "WARNING: Early stopping conditioned on metric `x` which is not available."));
  }
}
