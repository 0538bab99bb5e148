package org.tfseg.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.tfseg.UserError;
import org.tfseg.serve.ModelServer;
import org.tfseg.serve.ServeOptions;

/** {@code tfseg serve --model-base-path DIR --model-name NAME}: TF Serving's REST API and more. */
final class ServeCommand implements Command {
  private static final String USAGE =
      "tfseg serve --model-base-path DIR --model-name NAME [--port 8501] [--host 127.0.0.1]"
          + " [--batching [--max-batch-size 8] [--batch-timeout-micros 2000]]";

  @Override
  public String name() {
    return "serve";
  }

  @Override
  public String summary() {
    return "serve an export over HTTP (TF Serving's REST API, :segment, a demo page at /)";
  }

  @Override
  public int run(String[] args, PrintStream out) throws Exception {
    Options options = new Options().addOption(Cli.help());
    options.addOption(Cli.value("model-base-path", "DIR", "folder holding NAME/VERSION/"));
    options.addOption(Cli.value("model-name", "NAME", "the model (a folder in the base path)"));
    options.addOption(Cli.value("port", "PORT", "port (default 8501; 0 picks a free one)"));
    options.addOption(Cli.value("host", "ADDR", "address to bind (default 127.0.0.1)"));
    options.addOption(Cli.value("threads", "N", "request threads (default 8)"));
    options.addOption(Cli.value("max-body-bytes", "N", "largest request body (default 16 MiB)"));
    options.addOption(Cli.value("max-pixels", "N", "largest image, w*h (default 4096*4096)"));
    options.addOption(Cli.value("poll-seconds", "N", "new-version check interval (default 1)"));
    options.addOption(Option.builder().longOpt("batching").desc("batch :segment requests").build());
    options.addOption(Cli.value("max-batch-size", "N", "images per batch (default 8)"));
    options.addOption(Cli.value("batch-timeout-micros", "N", "wait for a batch (default 2000)"));
    CommandLine line = Cli.parse(options, args, USAGE, out);
    if (line == null) {
      return 0;
    }
    if (!line.hasOption("model-base-path") || !line.hasOption("model-name")) {
      throw new UserError("--model-base-path and --model-name are required (usage: " + USAGE + ")");
    }
    ServeOptions d =
        ServeOptions.defaults(
            Path.of(line.getOptionValue("model-base-path")), line.getOptionValue("model-name"));
    ServeOptions o =
        new ServeOptions(
            d.basePath(),
            d.modelName(),
            line.getOptionValue("host", d.host()),
            Cli.port(line, "port", d.port()),
            Cli.intValue(line, "threads", d.threads()),
            Cli.intValue(line, "max-body-bytes", d.maxBodyBytes()),
            Cli.intValue(line, "max-pixels", (int) d.maxPixels()),
            Cli.intValue(line, "poll-seconds", 1) * 1000L,
            line.hasOption("batching")
                ? new ServeOptions.Batching(
                    Cli.intValue(line, "max-batch-size", 8),
                    Cli.intValue(line, "batch-timeout-micros", 2000))
                : null);
    ModelServer server = new ModelServer(o, out);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close));
    var a = server.address();
    out.printf(
        "serving %s version %d on http://%s:%d/ (REST: /v1/models/%s)%n",
        o.modelName(), server.version(), a.getHostString(), a.getPort(), o.modelName());
    out.flush();
    Thread.currentThread().join(); // until SIGINT/SIGTERM: the hook stops the server
    return 0;
  }
}
