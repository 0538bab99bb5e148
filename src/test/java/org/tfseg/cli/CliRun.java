package org.tfseg.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One {@link Main#run} with captured output. */
record CliRun(int code, String out, String err) {
  static CliRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(args, o, e);
    }
    return new CliRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /**
   * The top-level keys of an eval JSON must be exactly the nine SOD metrics and {@code per_image}.
   */
  static void assertSodKeys(com.fasterxml.jackson.databind.JsonNode json) {
    java.util.List<String> keys = new java.util.ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    java.util.List<String> want = new java.util.ArrayList<>(org.tfseg.sod.SodReport.KEYS);
    want.add("per_image");
    org.junit.jupiter.api.Assertions.assertEquals(want, keys);
  }
}
