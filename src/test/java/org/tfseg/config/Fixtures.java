package org.tfseg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.tfseg.UserError;

/** A minimal valid experiment and helpers to load variants of it. */
final class Fixtures {
  private Fixtures() {}

  static final String SOURCE = "experiments/x.json";

  /** Only the required keys. */
  static final String MINIMAL =
      """
      {
        "name": "x",
        "model": {"architecture": "unet"},
        "data": {
          "image_size": [64, 64],
          "train": {"layout": "folder", "images": "img", "masks": "msk"}
        },
        "loss": {"type": "bce"},
        "optimizer": {"type": "adam"},
        "training": {"batch_size": 2, "epochs": 1}
      }
      """;

  static Experiment load(String json, String... overrides) {
    return ExperimentLoader.parse(json, List.of(overrides), SOURCE);
  }

  static Experiment minimal(String... overrides) {
    return load(MINIMAL, overrides);
  }

  /**
   * Asserts that loading MINIMAL with the overrides fails with exactly this message after "x.json:
   * ".
   */
  static void assertMinimalFails(String expected, String... overrides) {
    assertFails(expected, MINIMAL, overrides);
  }

  static void assertFails(String expected, String json, String... overrides) {
    UserError e = assertThrows(UserError.class, () -> load(json, overrides));
    assertEquals(SOURCE + ": " + expected, e.getMessage());
  }
}
