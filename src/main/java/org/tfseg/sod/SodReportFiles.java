package org.tfseg.sod;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tfseg.UserError;

/**
 * Writes a {@link SodReport}: the JSON (exactly the nine dataset metrics and {@code per_image} at
 * the top level) and, next to it, {@code <name>-pr.png} (precision–recall) and {@code
 * <name>-fmeasure.png} (F-measure vs threshold).
 */
public final class SodReportFiles {
  private SodReportFiles() {}

  /** The files written, JSON first. */
  public static List<Path> write(SodReport report, String label, Path json) throws IOException {
    Path abs = json.toAbsolutePath();
    String name = abs.getFileName().toString();
    String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    Path pr = abs.resolveSibling(stem + "-pr.png");
    Path f = abs.resolveSibling(stem + "-fmeasure.png");
    for (Path p : List.of(json, pr, f)) {
      if (Files.exists(p)) {
        throw new UserError(p + ": already exists; refusing to overwrite (choose another --out)");
      }
    }
    Files.createDirectories(abs.getParent());
    Files.writeString(json, report.toJson(false) + "\n");
    CurvePlots.writePrecisionRecall(java.util.Map.of(label, report), pr);
    CurvePlots.writeFmeasureVsThreshold(java.util.Map.of(label, report), f);
    return List.of(json, pr, f);
  }
}
