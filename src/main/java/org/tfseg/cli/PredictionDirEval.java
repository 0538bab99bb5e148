package org.tfseg.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.tfseg.UserError;
import org.tfseg.io.AtomicFiles;
import org.tfseg.sod.BasNetProtocol;
import org.tfseg.sod.BasNetReport;
import org.tfseg.sod.PredictionDirEvaluator;
import org.tfseg.sod.SodReport;
import org.tfseg.sod.SodReportFiles;

/**
 * {@code tfseg eval --pred-dir DIR --gt-dir DIR [--out FILE] [--protocol pysod|basnet]}: scores
 * saved prediction PNGs against mask PNGs, no experiment needed. {@code pysod} (default) is
 * PySODMetrics; {@code basnet} is the BASNet/U²-Net papers' tool, labelled as such.
 */
final class PredictionDirEval {
  private PredictionDirEval() {}

  static int run(CommandLine line, PrintStream out) throws IOException {
    if (!line.hasOption("pred-dir") || !line.hasOption("gt-dir")) {
      throw new UserError("--pred-dir and --gt-dir go together");
    }
    for (String other : new String[] {"checkpoint", "saved-model", "split", "set"}) {
      if (line.hasOption(other)) {
        throw new UserError("--" + other + " does not apply to --pred-dir scoring");
      }
    }
    if (!line.getArgList().isEmpty()) {
      throw new UserError("--pred-dir scoring takes no experiment file, got " + line.getArgList());
    }
    String protocol = line.getOptionValue("protocol", "pysod");
    Path preds = Path.of(line.getOptionValue("pred-dir"));
    Path gts = Path.of(line.getOptionValue("gt-dir"));
    Path file = line.hasOption("out") ? Path.of(line.getOptionValue("out")) : null;
    if (file != null) {
      EvalOutputs.requireWritable(
          protocol.equals("pysod") ? SodReportFiles.files(file) : List.of(file),
          new LinkedHashSet<>(List.of(preds, gts)),
          "the folder of --pred-dir or --gt-dir");
    }
    switch (protocol) {
      case "pysod" -> {
        SodReport report = PredictionDirEvaluator.evaluate(preds, gts);
        out.println("PySODMetrics on " + preds + " vs " + gts);
        out.print(report.toTable());
        if (file != null) {
          for (Path p : SodReportFiles.write(report, preds.getFileName().toString(), file)) {
            out.println("written: " + p);
          }
        }
      }
      case "basnet" -> {
        BasNetReport report = BasNetProtocol.evaluate(preds, gts);
        out.println(
            "BASNet paper protocol (Binary-Segmentation-Evaluation-Tool; NOT PySODMetrics) on "
                + preds
                + " vs "
                + gts);
        out.print(report.toTable());
        if (file != null) {
          if (Files.exists(file)) {
            throw new UserError(
                file + ": already exists; refusing to overwrite (choose another --out)");
          }
          AtomicFiles.writeString(file, report.toJson() + "\n");
          out.println("written: " + file);
        }
      }
      default ->
          throw new UserError("--protocol: expected pysod or basnet, got '" + protocol + "'");
    }
    return 0;
  }
}
