package org.tfseg.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.UserError;
import org.tfseg.config.Experiment;
import org.tfseg.config.ExperimentLoader;

/** {@code --resume} compares the experiment with the run's own and refuses what is not safe. */
class ResumeCheckTest {
  @TempDir Path tmp;

  private Experiment quickstart(String... overrides) {
    return ExperimentLoader.load(Path.of("experiments/quickstart.json"), List.of(overrides));
  }

  private RunDirectory run() throws Exception {
    RunDirectory run = RunDirectory.createNext(tmp, "quickstart");
    Files.writeString(run.experimentFile(), ExperimentLoader.toJson(quickstart()));
    return run;
  }

  @Test
  void theSameExperimentAndSafeChangesPass() throws Exception {
    RunDirectory run = run();
    assertEquals(List.of(), ResumeCheck.require(run, quickstart()));
    List<String> notes =
        ResumeCheck.require(
            run,
            quickstart(
                "training.epochs=30",
                "training.checkpoints.every_steps=100",
                "data.parallel_calls=4",
                "evaluation.metrics=[\"mae\"]"));
    assertEquals(
        List.of(
            "$.data.parallel_calls: 2 -> 4 (allowed on --resume)",
            "$.training.epochs: 15 -> 30 (allowed on --resume)",
            "$.training.checkpoints.every_steps: absent -> 100 (allowed on --resume)",
            "$.evaluation.metrics: [\"precision\",\"recall\",\"mae\"] -> [\"mae\"] (allowed on"
                + " --resume)"),
        notes);
  }

  @Test
  void anotherModelDataOptimizerOrNameIsRefusedNamingTheKeys() throws Exception {
    RunDirectory run = run();
    UserError lr =
        assertThrows(
            UserError.class,
            () -> ResumeCheck.require(run, quickstart("optimizer.learning_rate=0.01")));
    assertTrue(
        lr.getMessage()
            .startsWith(
                run.experimentFile()
                    + ": the run was trained with another experiment:"
                    + " $.optimizer.learning_rate: 0.001 -> 0.01 (run -> now). --resume may change"
                    + " only training.epochs, training.max_steps,"),
        lr.getMessage());
    assertTrue(lr.getMessage().endsWith("; train a new run for anything else"), lr.getMessage());
    for (String[] change :
        new String[][] {
          {"name=other", "$.name: \"quickstart\" -> \"other\""},
          {"model.depth=2", "$.model.depth: 3 -> 2"},
          {"data.train.count=100", "$.data.train.count: 480 -> 100"},
          {
            "optimizer={\"type\":\"sgd\",\"learning_rate\":0.001}",
            "$.optimizer.type: \"adam\" -> \"sgd\""
          },
          {"training.callbacks.0.patience=9", "$.training.callbacks[0].patience: 4 -> 9"},
        }) {
      UserError e =
          assertThrows(UserError.class, () -> ResumeCheck.require(run, quickstart(change[0])));
      assertTrue(e.getMessage().contains(change[1]), change[0] + " → " + e.getMessage());
      assertTrue(!e.getMessage().contains("\n"));
    }
  }

  @Test
  void anUnreadableRunExperimentIsNamed() throws Exception {
    RunDirectory run = run();
    Files.writeString(run.experimentFile(), "{\"name\": ");
    UserError e = assertThrows(UserError.class, () -> ResumeCheck.require(run, quickstart()));
    assertTrue(e.getMessage().startsWith(run.experimentFile() + ": "), e.getMessage());
    assertTrue(e.getMessage().endsWith("(the run's own experiment, which --resume checks)"));
  }
}
