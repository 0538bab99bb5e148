package org.tfseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and one-line user errors of the command line. */
class MainTest {
  @Test
  void helpListsEveryCommandAndEachCommandHasHelp() {
    CliRun top = CliRun.of("--help");
    assertEquals(0, top.code());
    for (String c :
        List.of(
            "train", "eval", "export", "predict", "summary", "benchmark", "serve", "serve-bench")) {
      assertTrue(
          top.out().lines().anyMatch(l -> l.matches("  " + c + " +\\S.*")),
          c + " listed with its summary:\n" + top.out());
      CliRun help = CliRun.of(c, "--help");
      assertEquals(0, help.code(), c);
      assertTrue(help.out().contains("usage: tfseg " + c), help.out());
    }
  }

  @Test
  void noArgumentsIsAUsageError() {
    assertEquals(2, CliRun.of().code());
  }

  @Test
  void userErrorsAreOneLineWithExitCode2(@TempDir Path tmp) throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"name\": \"x\", ");
    Path unknownKey =
        Files.writeString(
            tmp.resolve("typo.json"),
            Files.readString(Path.of("experiments/quickstart.json"))
                .replace("\"metrics\"", "\"metric\""));
    List<String[]> cases =
        List.of(
            new String[] {"frobnicate"},
            new String[] {tmp.resolve("missing.json").toString()},
            new String[] {bad.toString()},
            new String[] {unknownKey.toString()},
            new String[] {
              "summary", "experiments/quickstart.json", "--set", "training.batch_size=0"
            },
            new String[] {"train", "experiments/quickstart.json", "--no-such-option"},
            new String[] {
              "eval", "experiments/quickstart.json", "--set", "run_root=" + tmp.resolve("none")
            },
            new String[] {"export", "experiments/quickstart.json"},
            new String[] {
              "export", "experiments/quickstart.json", "--out", tmp.toString(), "--layout", "zip"
            },
            new String[] {"serve", "--model-base-path", tmp.toString(), "--model-name", "m"},
            new String[] {"serve", "--model-base-path", tmp.toString(), "--model-name", "../m"},
            new String[] {"serve-bench", "--url", "http://10.1.2.3:8501", "--model-name", "m"},
            new String[] {
              "predict",
              "--saved-model",
              tmp.toString(),
              "--input",
              tmp.toString(),
              "--output",
              tmp.toString()
            });
    for (String[] args : cases) {
      CliRun r = CliRun.of(args);
      String what = String.join(" ", args) + " → " + r.err();
      assertEquals(2, r.code(), what);
      assertTrue(r.err().startsWith("tfseg: error: "), what);
      assertEquals(1, r.err().strip().lines().count(), "one line, no stack trace: " + what);
      assertTrue(!r.err().contains("\tat "), what);
    }
    assertTrue(CliRun.of(bad.toString()).err().contains("bad.json"), "names the file");
    assertTrue(CliRun.of(unknownKey.toString()).err().contains("'metric'"), "names the key");
  }

  @Test
  void summaryOfSeed000PrintsKerasTotals() {
    CliRun r = CliRun.of("summary", "experiments/unet_duts.json");
    assertEquals(0, r.code(), r.err());
    List<String> lines = r.out().strip().lines().toList();
    assertEquals("Total params: 31,402,497", lines.get(lines.size() - 4));
    assertEquals("Trainable params: 31,390,721", lines.get(lines.size() - 3));
    assertEquals("Non-trainable params: 11,776", lines.get(lines.size() - 2));
    assertTrue(r.out().contains("enc1/conv1 (Conv2D)"), r.out());
    assertTrue(r.out().contains("(None, 256, 256, 64)"), r.out());
  }
}
