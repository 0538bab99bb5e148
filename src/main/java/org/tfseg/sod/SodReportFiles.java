package org.tfseg.sod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tfseg.UserError;
import org.tfseg.io.AtomicFiles;

/**
 * Writes a {@link SodReport}: the JSON (exactly the nine dataset metrics and {@code per_image} at
 * the top level) and, next to it, {@code <name>-pr.png} (precision–recall) and {@code
 * <name>-fmeasure.png} (F-measure vs threshold).
 */
public final class SodReportFiles {
  private SodReportFiles() {}

  /** The files {@link #write} writes for {@code json}: the JSON, then its two plots. */
  public static List<Path> files(Path json) {
    Path abs = json.toAbsolutePath();
    String name = abs.getFileName().toString();
    String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return List.of(
        json, abs.resolveSibling(stem + "-pr.png"), abs.resolveSibling(stem + "-fmeasure.png"));
  }

  /**
   * The files written, JSON first. Each is written aside and renamed into place, the JSON last, so
   * a report whose JSON exists is complete.
   */
  public static List<Path> write(SodReport report, String label, Path json) throws IOException {
    List<Path> files = files(json);
    for (Path p : files) {
      if (Files.exists(p)) {
        throw new UserError(p + ": already exists; refusing to overwrite (choose another --out)");
      }
    }
    CurvePlots.writePrecisionRecall(java.util.Map.of(label, report), files.get(1));
    CurvePlots.writeFmeasureVsThreshold(java.util.Map.of(label, report), files.get(2));
    AtomicFiles.writeString(json, report.toJson(false) + "\n");
    return files;
  }
}
