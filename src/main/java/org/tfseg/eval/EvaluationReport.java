package org.tfseg.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tfseg.UserError;
import org.tfseg.io.AtomicFiles;
import org.tfseg.sod.SodReport;
import org.tfseg.sod.SodReportFiles;

/**
 * What an evaluation found: the streaming metrics of the split or, for {@code "sod"}, the
 * PySODMetrics report; printed by the CLI and written as JSON.
 *
 * @param source the checkpoint prefix or SavedModel directory evaluated
 * @param savedModel whether {@code source} is a SavedModel
 * @param metrics the streaming metrics, or the nine salient-object values when {@code sod} is set
 * @param sod the salient-object report (per image, curves), or null
 */
public record EvaluationReport(
    String experiment,
    String source,
    boolean savedModel,
    String split,
    int images,
    double seconds,
    Map<String, Double> metrics,
    SodReport sod) {

  /** One line naming what was evaluated. */
  public String header() {
    return String.format(
        Locale.ROOT,
        "%s on %d %s images (%s), %.1f s%s",
        experiment,
        images,
        split,
        source,
        seconds,
        sod == null ? "" : "; PySODMetrics at each mask's original size");
  }

  /** The values, one per line. */
  public String table() {
    if (sod != null) {
      return sod.toTable();
    }
    StringBuilder b = new StringBuilder();
    metrics.forEach((k, v) -> b.append(String.format(Locale.ROOT, "  %-12s %.4f%n", k, v)));
    return b.toString();
  }

  /**
   * Writes the JSON to {@code file} (never over an existing file) and, for {@code sod}, the PR and
   * F-measure plots beside it; returns the files written.
   */
  public List<Path> write(Path file) throws IOException {
    if (sod != null) {
      return SodReportFiles.write(sod, experiment, file);
    }
    if (Files.exists(file)) {
      throw new UserError(file + ": already exists; refusing to overwrite (choose another --out)");
    }
    ObjectMapper json = new ObjectMapper();
    ObjectNode report = json.createObjectNode();
    report.put("experiment", experiment);
    report.put(savedModel ? "saved_model" : "checkpoint", source);
    report.put("split", split);
    report.put("images", images);
    ObjectNode m = report.putObject("metrics");
    metrics.forEach(m::put);
    AtomicFiles.writeString(file, json.writerWithDefaultPrettyPrinter().writeValueAsString(report));
    return List.of(file);
  }
}
