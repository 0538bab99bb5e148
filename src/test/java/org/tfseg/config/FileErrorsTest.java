package org.tfseg.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.UserError;

/** Problems with the file itself: missing, a directory, unreadable, empty, malformed JSON. */
class FileErrorsTest {
  @TempDir Path dir;

  private String loadError(Path file) {
    return assertThrows(UserError.class, () -> ExperimentLoader.load(file, List.of())).getMessage();
  }

  private Path write(String text) throws IOException {
    return Files.writeString(dir.resolve("x.json"), text);
  }

  @Test
  void missingFile() {
    Path f = dir.resolve("nope.json");
    assertEquals(f + ": file not found", loadError(f));
  }

  @Test
  void directory() {
    assertEquals(dir + ": is a directory, not an experiment file", loadError(dir));
  }

  @Test
  void unreadableFile() throws IOException {
    Path f = write("{}");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
    Assumptions.assumeFalse(Files.isReadable(f), "running as root: permissions are not enforced");
    assertEquals(f + ": cannot read (permission denied)", loadError(f));
  }

  @Test
  void emptyFile() throws IOException {
    Path f = write("  \n");
    assertEquals(f + ": the file is empty; expected a JSON object", loadError(f));
  }

  @Test
  void malformedJsonReportsLineAndColumn() throws IOException {
    Path f = write("{\n  \"name\": \"x\",\n  \"seed\": 1,\n      }\n");
    String msg = loadError(f);
    assertEquals(
        f + ": line 4, column 7: malformed JSON (", msg.substring(0, msg.indexOf('(') + 1));
    assertEquals(1, msg.lines().count());
  }

  @Test
  void unterminatedJson() throws IOException {
    Path f = write("{\"name\": \"x\"");
    String msg = loadError(f);
    assertEquals(true, msg.startsWith(f + ": line 1, column "), msg);
    assertEquals(true, msg.contains("malformed JSON"), msg);
    assertEquals(false, msg.contains("SourceConfig"), "no Jackson source echo: " + msg);
  }

  @Test
  void duplicateKeysAreMalformed() throws IOException {
    Path f = write("{\"name\": \"x\",\n \"name\": \"y\"}");
    String msg = loadError(f);
    assertEquals(true, msg.startsWith(f + ": line 2, column "), msg);
    assertEquals(true, msg.contains("Duplicate field 'name'"), msg);
  }

  @Test
  void trailingContentIsMalformed() throws IOException {
    Path f = write(Fixtures.MINIMAL + "\n{}");
    assertEquals(
        f
            + ": line 13, column 1: malformed JSON (unexpected content after the top-level"
            + " value)",
        loadError(f));
  }

  @Test
  void messagesNameTheFileAsGiven() throws IOException {
    Path f = write(Fixtures.MINIMAL.replace("\"epochs\": 1", "\"epochs\": 0"));
    assertEquals(f + ": $.training.epochs: must be >= 1, got 0", loadError(f));
  }
}
