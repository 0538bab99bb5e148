package org.tfseg.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tfseg.UserError;
import org.tfseg.serve.LoadGenerator;
import org.tfseg.serve.LoadRequest;

/**
 * {@code tfseg serve-bench --url URL --model-name NAME}: latency (p50/p99) and throughput of a
 * running {@code tfseg serve} (or TF Serving, for {@code :predict}) at each concurrency.
 */
final class ServeBenchCommand implements Command {
  private static final String USAGE =
      "tfseg serve-bench --url http://127.0.0.1:8501 --model-name NAME [--image FILE]..."
          + " [--requests 200] [--concurrency 1,8] [--mix [--max-body-bytes N]] [--json FILE]";

  @Override
  public String name() {
    return "serve-bench";
  }

  @Override
  public String summary() {
    return "measure a running server's :segment latency and throughput (or a valid/invalid mix)";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    Options options = new Options().addOption(Cli.help());
    options.addOption(Cli.value("url", "URL", "the server (default http://127.0.0.1:8501)"));
    options.addOption(Cli.value("model-name", "NAME", "the served model"));
    options.addOption(
        Cli.value("image", "FILE", "image to segment (repeatable; default: generated)"));
    options.addOption(Cli.value("requests", "N", "requests per concurrency level (default 200)"));
    options.addOption(Cli.value("concurrency", "C,C", "concurrency levels (default 1,8)"));
    options.addOption(Cli.value("time-limit-seconds", "N", "stop each level after (default 300)"));
    options.addOption(Option.builder().longOpt("mix").desc("valid and invalid requests").build());
    options.addOption(Cli.value("max-body-bytes", "N", "the server's body limit, for --mix"));
    options.addOption(Cli.value("json", "FILE", "also write the reports as JSON"));
    CommandLine line = Cli.parse(options, args, USAGE, out);
    if (line == null) {
      return 0;
    }
    String model = line.getOptionValue("model-name");
    if (model == null) {
      throw new UserError("--model-name is required (usage: " + USAGE + ")");
    }
    URI url = URI.create(line.getOptionValue("url", "http://127.0.0.1:8501"));
    if (!List.of("127.0.0.1", "localhost", "[::1]").contains(url.getHost())) {
      throw new UserError("--url: serve-bench only loads loopback servers, got " + url.getHost());
    }
    List<LoadRequest> kinds =
        line.hasOption("mix")
            ? LoadRequest.mix(model, Cli.intValue(line, "max-body-bytes", 16 << 20))
            : LoadRequest.segments(model, files(line.getOptionValues("image")));
    List<LoadGenerator.Report> reports = new ArrayList<>();
    for (String c : line.getOptionValue("concurrency", "1,8").split(",")) {
      LoadGenerator.Report r =
          LoadGenerator.run(
              url,
              kinds,
              Cli.intValue(line, "requests", 200),
              Integer.parseInt(c.trim()),
              Duration.ofSeconds(Cli.intValue(line, "time-limit-seconds", 300)));
      out.println(r.line());
      r.problems().forEach(p -> out.println("  " + p));
      reports.add(r);
    }
    if (line.hasOption("json")) {
      new ObjectMapper()
          .writerWithDefaultPrettyPrinter()
          .writeValue(Path.of(line.getOptionValue("json")).toFile(), reports);
    }
    return reports.stream().allMatch(r -> r.wrong() + r.status5xx() + r.dropped() == 0) ? 0 : 1;
  }

  private static List<Path> files(String[] names) {
    return names == null ? List.of() : java.util.Arrays.stream(names).map(Path::of).toList();
  }
}
