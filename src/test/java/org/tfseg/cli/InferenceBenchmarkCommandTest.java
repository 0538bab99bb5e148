package org.tfseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code benchmark --inference}: the folded SavedModel is exported, checked and timed. */
class InferenceBenchmarkCommandTest {
  @Test
  void timesTheFoldedSavedModelBesideTheUnfoldedTower() {
    CliRun run =
        CliRun.of(
            "benchmark",
            "experiments/quickstart.json",
            "--inference",
            "--steps",
            "4",
            "--warmup",
            "1");
    assertEquals(0, run.code(), run.err());
    // quickstart U-Net, depth 3: two conv+BN per level, 3 down + bridge + 3 up = 14 BatchNorm
    Matcher m =
        Pattern.compile(
                "(\\d+) BatchNorm layers folded into convolutions; exported and loaded in [0-9.]+"
                    + " s; max \\|served - unfolded\\| probability (\\S+)")
            .matcher(run.out());
    assertTrue(m.find(), run.out());
    assertEquals(14, Integer.parseInt(m.group(1)), run.out());
    assertTrue(Double.parseDouble(m.group(2)) <= 1e-5, run.out());
    assertTrue(
        run.out()
            .matches(
                "(?s).*batch-1 latency, SavedModel \\(folded\\): p50 [0-9.]+ ms, p99 [0-9.]+ ms;"
                    + " unfolded tower: p50 [0-9.]+ ms, p99 [0-9.]+ ms \\(4 calls each,"
                    + " interleaved\\).*"),
        run.out());
    assertTrue(run.out().contains("batch 8 throughput: SavedModel "), run.out());
  }

  @Test
  void dataAndInferenceTogetherAreRefused() {
    CliRun run = CliRun.of("benchmark", "experiments/quickstart.json", "--inference", "--data");
    assertEquals(2, run.code());
    assertTrue(run.err().contains("--memory, --data and --inference: choose one"), run.err());
  }

  @Test
  void memoryTracePrintsTheAllocatorBreakdown() {
    CliRun run =
        CliRun.of(
            "benchmark",
            "experiments/quickstart.json",
            "--memory",
            "--steps",
            "1",
            "--warmup",
            "0");
    assertEquals(0, run.code(), run.err());
    Matcher m =
        Pattern.compile(
                "TensorFlow allocator: ([0-9.]+) MB held between steps .* peak ([0-9.]+) MB during"
                    + " the step")
            .matcher(run.out());
    assertTrue(m.find(), run.out());
    assertTrue(Double.parseDouble(m.group(2)) >= Double.parseDouble(m.group(1)), run.out());
    assertTrue(
        run.out().matches("(?s).*allocated during the step, by op type:\\n  \\S+.*"), run.out());
    assertTrue(
        run.out().matches("(?s).*resident = .* anonymous .* [0-9.]+ [MG]B mapped files.*"),
        run.out());
  }
}
