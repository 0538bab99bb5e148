package org.tfseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.sod.SodReport;
import org.tfseg.testing.SharedData;

/** {@code tfseg eval --pred-dir … --gt-dir …} on the PySODMetrics golden set. */
class EvalPredictionDirTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  @Test
  void reproducesTheGoldenDatasetValuesThroughTheCommand() throws Exception {
    Path golden = SharedData.dir("sod-metrics-golden");
    Path out = tmp.resolve("sub/golden.json");
    CliRun r =
        CliRun.of(
            "eval",
            "--pred-dir",
            golden.resolve("preds").toString(),
            "--gt-dir",
            golden.resolve("masks").toString(),
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("maxFm"), r.out());
    JsonNode expected = JSON.readTree(golden.resolve("expected.json").toFile()).get("dataset");
    JsonNode got = JSON.readTree(out.toFile());
    CliRun.assertSodKeys(got);
    for (String k : SodReport.KEYS) {
      assertEquals(expected.get(k).asDouble(), got.get(k).asDouble(), 1e-9, k);
    }
    assertEquals(3, got.get("per_image").size());
    assertTrue(Files.size(tmp.resolve("sub/golden-pr.png")) > 1000);
    assertTrue(Files.size(tmp.resolve("sub/golden-fmeasure.png")) > 1000);
    CliRun again =
        CliRun.of(
            "eval",
            "--pred-dir",
            golden.resolve("preds").toString(),
            "--gt-dir",
            golden.resolve("masks").toString(),
            "--out",
            out.toString());
    assertEquals(2, again.code());
    assertTrue(again.err().contains("already exists"), again.err());
  }

  @Test
  void basnetProtocolIsLabelled() throws Exception {
    Path golden = SharedData.dir("sod-metrics-golden");
    Path out = tmp.resolve("basnet.json");
    CliRun r =
        CliRun.of(
            "eval",
            "--pred-dir",
            golden.resolve("preds").toString(),
            "--gt-dir",
            golden.resolve("masks").toString(),
            "--protocol",
            "basnet",
            "--out",
            out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("BASNet paper protocol"), r.out());
    assertTrue(r.out().contains("NOT PySODMetrics"), r.out());
    JsonNode got = JSON.readTree(out.toFile());
    assertEquals("basnet", got.get("protocol").asText());
    assertEquals(0.590174, got.get("maxFm").asDouble(), 1e-6); // sod-metrics.md
  }

  @Test
  void usageErrorsAreOneLineWithExitCode2() throws Exception {
    Path golden = SharedData.dir("sod-metrics-golden");
    String preds = golden.resolve("preds").toString();
    String masks = golden.resolve("masks").toString();
    List<String[]> cases =
        List.of(
            new String[] {"eval", "--pred-dir", preds},
            new String[] {"eval", "--gt-dir", masks},
            new String[] {"eval", "--pred-dir", tmp.resolve("none").toString(), "--gt-dir", masks},
            new String[] {"eval", "--pred-dir", preds, "--gt-dir", masks, "--protocol", "matlab"},
            new String[] {
              "eval", "--pred-dir", preds, "--gt-dir", masks, "experiments/basnet.json"
            },
            new String[] {"eval", "--pred-dir", preds, "--gt-dir", masks, "--checkpoint", "x"},
            new String[] {"eval", "experiments/basnet.json", "--protocol", "basnet"},
            new String[] {
              "eval", "--pred-dir", masks, "--gt-dir", preds + "/../masks", "--out", tmp.toString()
            });
    for (String[] args : cases) {
      CliRun r = CliRun.of(args);
      assertEquals(2, r.code(), String.join(" ", args) + " → " + r.out() + r.err());
      assertEquals(1, r.err().lines().count(), r.err());
      assertTrue(r.err().startsWith("tfseg: error: "), r.err());
    }
  }
}
