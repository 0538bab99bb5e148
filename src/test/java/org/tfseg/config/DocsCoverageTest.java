package org.tfseg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * docs/experiments.md mentions, as {@code `word`}, every key, kind and enum name the records
 * accept.
 */
class DocsCoverageTest {
  @Test
  void everyAcceptedWordIsDocumented() throws IOException {
    String docs = Files.readString(Path.of("docs/experiments.md"));
    List<String> missing =
        ConfigSchema.allWords().stream().filter(w -> !docs.contains("`" + w + "`")).toList();
    assertEquals(List.of(), missing, "undocumented in docs/experiments.md");
  }

  @Test
  void completeExampleMatchesTheFileAndItsResolvedForm() throws IOException {
    String docs = Files.readString(Path.of("docs/experiments.md"));
    Path file = Path.of("experiments/unet_duts.json");
    assertTrue(docs.contains(Files.readString(file).strip()), "docs example differs from " + file);
    String resolved = ExperimentLoader.toJson(ExperimentLoader.load(file, List.of())).strip();
    assertTrue(docs.contains(resolved), "docs' resolved example differs from toJson:\n" + resolved);
  }

  @Test
  void schemaSeesTheWholeTree() {
    Set<String> words = ConfigSchema.allWords();
    for (String w :
        List.of(
            "name",
            "architecture",
            "base_filters",
            "layout",
            "subset",
            "count",
            "type",
            "beta_1",
            "centered",
            "nesterov",
            "min_lr",
            "start_from_epoch",
            "save_best_only",
            "unet",
            "synthetic",
            "bce",
            "sgd",
            "early_stopping",
            "mae",
            "max",
            "validation")) {
      assertTrue(words.contains(w), w + " missing from " + words);
    }
  }
}
