package org.tfseg.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.UserError;

class RunDirectoryTest {
  @TempDir Path runs;

  @Test
  void createsNumberedRunsWithoutTouchingExistingOnes() throws Exception {
    RunDirectory first = RunDirectory.createNext(runs, "unet");
    assertEquals(runs.resolve("unet/run-001"), first.root());
    assertTrue(Files.isDirectory(first.checkpointsDir()));
    Files.writeString(first.experimentFile(), "{}");

    RunDirectory second = RunDirectory.createNext(runs, "unet");
    assertEquals(runs.resolve("unet/run-002"), second.root());
    assertEquals("{}", Files.readString(first.experimentFile()));

    Files.createDirectory(runs.resolve("unet/run-007"));
    Files.createDirectory(runs.resolve("unet/notes"));
    assertEquals(runs.resolve("unet/run-008"), RunDirectory.createNext(runs, "unet").root());
  }

  @Test
  void layout() {
    RunDirectory run = RunDirectory.createNext(runs, "unet");
    Path root = run.root();
    assertEquals(root.resolve("experiment.json"), run.experimentFile());
    assertEquals(root.resolve("history.csv"), run.historyCsv());
    assertEquals(root.resolve("history.json"), run.historyJson());
    assertEquals(root.resolve("train.log"), run.logFile());
    assertEquals(root.resolve("checkpoints/best/ckpt"), run.checkpointPrefix("best"));
    assertEquals(root.resolve("checkpoints/epoch-003/ckpt"), run.checkpointPrefix("epoch-003"));
    assertEquals(root.resolve("eval"), run.evalDir());
    assertEquals(root.resolve("export"), run.exportDir());
    assertThrows(UserError.class, () -> run.checkpointPrefix("../x"));
  }

  @Test
  void openRequiresARunDirectory() throws Exception {
    RunDirectory run = RunDirectory.createNext(runs, "unet");
    UserError e = assertThrows(UserError.class, () -> RunDirectory.open(run.root()));
    assertTrue(e.getMessage().contains("experiment.json"), e.getMessage());
    assertThrows(UserError.class, () -> RunDirectory.open(runs.resolve("nope")));
    Files.writeString(run.experimentFile(), "{}");
    assertEquals(run.root(), RunDirectory.open(run.root()).root());
  }

  @Test
  void latestIsTheHighestRunWithAnExperiment() throws Exception {
    assertTrue(RunDirectory.latest(runs, "unet").isEmpty());
    RunDirectory a = RunDirectory.createNext(runs, "unet");
    RunDirectory b = RunDirectory.createNext(runs, "unet");
    Files.writeString(a.experimentFile(), "{}");
    Files.writeString(b.experimentFile(), "{}");
    RunDirectory.createNext(runs, "unet"); // run-003, never started
    Files.createDirectories(runs.resolve("unet/run-1000"));
    Files.writeString(runs.resolve("unet/run-1000/experiment.json"), "{}");
    assertEquals(runs.resolve("unet/run-1000"), RunDirectory.latest(runs, "unet").get().root());
    Files.delete(runs.resolve("unet/run-1000/experiment.json"));
    assertEquals(b.root(), RunDirectory.latest(runs, "unet").get().root());
  }

  @Test
  void rejectsNamesThatAreNotPlainDirectoryNames() {
    assertThrows(UserError.class, () -> RunDirectory.createNext(runs, ".."));
    assertThrows(UserError.class, () -> RunDirectory.createNext(runs, "a/b"));
    assertThrows(UserError.class, () -> RunDirectory.createNext(runs, ""));
  }

  @Test
  void runLogAppendsAndEchoes() throws Exception {
    RunDirectory run = RunDirectory.createNext(runs, "unet");
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    PrintStream echo = new PrintStream(console, true, StandardCharsets.UTF_8);
    try (RunLog log = run.openLog(echo)) {
      log.line("Epoch 1: val_loss improved");
      // Flushed per line: readable before close.
      assertEquals("Epoch 1: val_loss improved\n", Files.readString(run.logFile()));
    }
    try (RunLog log = new RunLog(run.logFile(), null)) {
      log.line("resumed");
    }
    assertEquals("Epoch 1: val_loss improved\nresumed\n", Files.readString(run.logFile()));
    assertEquals(
        "Epoch 1: val_loss improved" + System.lineSeparator(),
        console.toString(StandardCharsets.UTF_8));
  }
}
