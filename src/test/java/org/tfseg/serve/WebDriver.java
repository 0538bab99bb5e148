package org.tfseg.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium driven through chromedriver with the W3C WebDriver protocol over java.net.http:
 * Debian's {@code chromium} and {@code chromium-driver}, started with the flags this closed network
 * needs (no background networking, component updates, sync or QUIC).
 */
final class WebDriver implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  private static final String ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process driver;
  private final HttpClient http = HttpClient.newHttpClient();
  private final URI session;
  private final URI sessionUri;

  WebDriver(Path profile) throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    driver =
        new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port)
            .redirectErrorStream(true)
            .redirectOutput(profile.resolveSibling("chromedriver.log").toFile())
            .start();
    URI base = URI.create("http://127.0.0.1:" + port + "/");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      try {
        if (call("GET", base.resolve("status"), null).at("/value/ready").asBoolean()) {
          break;
        }
      } catch (java.io.IOException notYet) {
        // chromedriver is starting
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("chromedriver did not start");
      }
      Thread.sleep(100);
    }
    ObjectNode caps = JSON.createObjectNode();
    ObjectNode chrome =
        caps.putObject("capabilities").putObject("alwaysMatch").putObject("goog:chromeOptions");
    chrome.put("binary", CHROMIUM.toString());
    List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            "--window-size=1200,900",
            "--user-data-dir=" + profile)
        .forEach(chrome.putArray("args")::add);
    JsonNode created = call("POST", base.resolve("session"), caps);
    sessionUri = base.resolve("session/" + created.at("/value/sessionId").asText());
    session = URI.create(sessionUri + "/");
  }

  void open(URI page) throws Exception {
    call("POST", session.resolve("url"), JSON.createObjectNode().put("url", page.toString()));
  }

  /** Types a file path into a file input (WebDriver's upload). */
  void upload(String cssSelector, Path file) throws Exception {
    ObjectNode find =
        JSON.createObjectNode().put("using", "css selector").put("value", cssSelector);
    String id = call("POST", session.resolve("element"), find).at("/value/" + ELEMENT).asText();
    call(
        "POST",
        session.resolve("element/" + id + "/value"),
        JSON.createObjectNode().put("text", file.toString()));
  }

  JsonNode script(String js) throws Exception {
    ObjectNode body = JSON.createObjectNode().put("script", js);
    body.putArray("args");
    return call("POST", session.resolve("execute/sync"), body).get("value");
  }

  byte[] screenshot() throws Exception {
    return java.util.Base64.getDecoder()
        .decode(call("GET", session.resolve("screenshot"), null).get("value").asText());
  }

  private JsonNode call(String method, URI uri, JsonNode body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60));
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    JsonNode json = JSON.readTree(r.body());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("WebDriver " + method + " " + uri + ": " + json);
    }
    return json;
  }

  @Override
  public void close() throws Exception {
    try {
      call("DELETE", sessionUri, null);
    } finally {
      driver.destroy();
      driver.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
