package org.tfseg.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.config.Split;
import org.tfseg.eval.EvaluationReport;
import org.tfseg.export.Mask;
import org.tfseg.export.MaskPng;
import org.tfseg.export.SavedModelPredictor;
import org.tfseg.task.SegmentationTask;
import org.tfseg.task.TrainingResult;
import org.tfseg.task.TrainingRunner;

/**
 * The README's library example, using only tfseg's public API from outside its packages: load an
 * experiment with overrides, train, evaluate, export and predict, without the CLI.
 */
class LibraryApiTest {
  @Test
  void trainEvaluateExportPredictWithoutTheCli(@TempDir Path tmp) throws Exception {
    String root = tmp.toString();
    // -- as in the README --
    SegmentationTask task =
        SegmentationTask.load(
            Path.of("experiments/quickstart.json"),
            "training.epochs=2",
            "run_root=" + root + "/runs",
            "data.train.root=" + root + "/train",
            "data.train.count=48",
            "data.test.root=" + root + "/test",
            "data.test.count=8");
    TrainingResult result = new TrainingRunner(task, quiet(), false).train();
    String checkpoint = result.checkpoint(); // best, else final, else last
    try (var model = task.inferenceGraph(checkpoint)) {
      EvaluationReport report = task.evaluate(model, Split.TEST, checkpoint, false);
      assertTrue(report.metrics().get("precision") >= 0, report.table());
      assertEquals(8, report.images());
    }
    Path savedModel = result.run().root().resolve("saved_model");
    task.export(checkpoint, savedModel);
    Path image = task.samples(Split.TEST).get(0).image();
    try (SavedModelPredictor predictor = new SavedModelPredictor(savedModel)) {
      Mask mask = predictor.predictEncoded(Files.readAllBytes(image));
      MaskPng.write(mask, false, tmp.resolve("mask.png"));
      assertEquals(96, mask.height());
    }
    // -- end --
    assertEquals(List.of(0, 1), epochs(result.run().historyCsv()));
    assertTrue(Files.size(tmp.resolve("mask.png")) > 0);
  }

  private static List<Integer> epochs(Path historyCsv) throws Exception {
    return Files.readAllLines(historyCsv).stream()
        .skip(1)
        .map(l -> Integer.parseInt(l.split(",")[0]))
        .toList();
  }

  private static PrintStream quiet() {
    return new PrintStream(new ByteArrayOutputStream());
  }
}
