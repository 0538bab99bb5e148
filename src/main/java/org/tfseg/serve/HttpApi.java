package org.tfseg.serve;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The routes: TF Serving's REST API ({@code /v1/models/NAME[/versions/V][/metadata|:predict]}),
 * {@code :segment} (an image body → a mask PNG) and the demo page at {@code /}. Every refusal is a
 * 4xx with {@code {"error": "…"}}; an unexpected failure is a 500 and is logged; either way the
 * server goes on serving. Nothing in a request names a file: the page is held in memory.
 */
final class HttpApi implements HttpHandler {
  private static final Pattern MODEL =
      Pattern.compile("/v1/models/([^/:]+)(?:/versions/([^/:]+))?(/metadata|:predict|:segment)?");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ServeOptions options;
  private final ModelVersions versions;
  private final Segmenter segmenter;
  private final byte[] page;
  private final PrintStream log;

  HttpApi(ServeOptions options, ModelVersions versions, Segmenter segmenter, PrintStream log) {
    this.options = options;
    this.versions = versions;
    this.segmenter = segmenter;
    this.page = DemoPage.html(options.modelName());
    this.log = log;
  }

  @Override
  public void handle(HttpExchange ex) {
    try (ex) {
      answer(ex);
    } catch (IOException clientGone) {
      // the client closed the connection before its answer was read or written
    }
  }

  private void answer(HttpExchange ex) throws IOException {
    try {
      route(ex);
    } catch (ClientError e) {
      drain(ex);
      send(ex, e.status, "application/json", error(e.getMessage()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      send(ex, 503, "application/json", error("server shutting down"));
    } catch (IOException e) {
      throw e;
    } catch (Exception | Error e) {
      log.println("internal error on " + ex.getRequestURI() + ": " + e);
      send(ex, 500, "application/json", error("internal error: " + e));
    }
  }

  private void route(HttpExchange ex) throws Exception {
    String path = ex.getRequestURI().getPath();
    String method = ex.getRequestMethod();
    if (path.equals("/")) {
      expect(method, "GET");
      send(ex, 200, "text/html; charset=utf-8", page);
      return;
    }
    Matcher m = MODEL.matcher(path);
    if (!m.matches()) {
      throw ClientError.notFound("no such path: " + path);
    }
    String action = m.group(3) == null ? "" : m.group(3);
    expect(method, action.startsWith(":") ? "POST" : "GET");
    if (!m.group(1).equals(options.modelName())) {
      throw ClientError.notFound("Servable not found for request: Latest(" + m.group(1) + ")");
    }
    ServedModel model = versions.acquire();
    try {
      if (m.group(2) != null && !m.group(2).equals(Long.toString(model.version))) {
        throw ClientError.notFound(
            "Servable not found for request: Specific(" + m.group(1) + ", " + m.group(2) + ")");
      }
      ex.getResponseHeaders().set("X-Model-Version", Long.toString(model.version));
      switch (action) {
        case "" -> send(ex, 200, "application/json", ModelStatus.status(model.version));
        case "/metadata" ->
            send(ex, 200, "application/json", ModelStatus.metadata(options.modelName(), model));
        case ":predict" ->
            send(
                ex,
                200,
                "application/json",
                RestPredict.predict(model, body(ex), options.maxPixels()));
        default -> {
          model.release();
          model = null;
          segment(ex);
        }
      }
    } finally {
      if (model != null) {
        model.release();
      }
    }
  }

  private void segment(HttpExchange ex) throws Exception {
    MaskRender render = MaskRender.parse(query(ex).get("format"));
    byte[] image = body(ex);
    ImageGuard.check(image, options.maxPixels());
    Segmenter.Segmented s = segmenter.segment(image);
    ex.getResponseHeaders().set("X-Model-Version", Long.toString(s.version()));
    send(ex, 200, "image/png", render.png(s.mask()));
  }

  private static void expect(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw new ClientError(405, "method " + method + " not allowed here (use " + allowed + ")");
    }
  }

  /** The body, at most {@code maxBodyBytes}; a larger one is refused with 413. */
  private byte[] body(HttpExchange ex) throws IOException {
    int limit = options.maxBodyBytes();
    String length = ex.getRequestHeaders().getFirst("Content-Length");
    if (length != null && length.matches("[0-9]{1,18}") && Long.parseLong(length) > limit) {
      throw ClientError.tooLarge(
          "request body of " + length + " bytes is over the limit of " + limit);
    }
    byte[] data = ex.getRequestBody().readNBytes(limit + 1);
    if (data.length > limit) {
      throw ClientError.tooLarge("request body is over the limit of " + limit + " bytes");
    }
    return data;
  }

  /** Reads what is left of a refused body (up to 4× the limit) so the client gets the answer. */
  private void drain(HttpExchange ex) {
    try {
      InputStream in = ex.getRequestBody();
      long left = 4L * options.maxBodyBytes();
      byte[] buf = new byte[65536];
      for (int r; left > 0 && (r = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0; ) {
        left -= r;
      }
    } catch (IOException ignored) {
      // the answer is still sent; the connection may close
    }
  }

  private static Map<String, String> query(HttpExchange ex) {
    String q = ex.getRequestURI().getRawQuery();
    Map<String, String> out = new java.util.HashMap<>();
    if (q != null) {
      for (String kv : q.split("&")) {
        int eq = kv.indexOf('=');
        if (eq > 0) {
          out.put(
              java.net.URLDecoder.decode(
                  kv.substring(0, eq), java.nio.charset.StandardCharsets.UTF_8),
              java.net.URLDecoder.decode(
                  kv.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
      }
    }
    return out;
  }

  private static byte[] error(String message) {
    try {
      return JSON.writeValueAsBytes(Map.of("error", message));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body)
      throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
  }
}
