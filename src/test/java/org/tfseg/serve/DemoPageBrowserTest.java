package org.tfseg.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo page in headless Chromium: load {@code /}, choose a generated image in the file input,
 * wait for the page to draw, and check its canvases pixel by pixel: the mask view is the {@code
 * :segment?format=color} PNG over black, the overlay is the image with that mask blended in at the
 * page's 50 % opacity. Skipped only when Chromium is absent outside CI ({@code CI=true} runs it;
 * {@code .ci/run} installs it).
 */
class DemoPageBrowserTest {
  @Test
  void overlayShowsTheMaskOverTheImage(@TempDir Path tmp) throws Exception {
    assumeTrue(
        Files.isExecutable(WebDriver.CHROMEDRIVER) || "true".equals(System.getenv("CI")),
        "chromium + chromium-driver are not installed (.ci/run installs them)");
    TinyModel.export(tmp.resolve("models"), "tiny", 1);
    byte[] png = TinyModel.image(48, 36, 9, "png");
    Path file = tmp.resolve("upload.png");
    Files.write(file, png);
    ServeOptions o = ServeOptions.defaults(tmp.resolve("models"), "tiny").withPort(0);
    try (ModelServer server = new ModelServer(o, new PrintStream(new ByteArrayOutputStream()));
        WebDriver browser = new WebDriver(Files.createDirectories(tmp.resolve("profile")))) {
      URI base = URI.create("http://127.0.0.1:" + server.address().getPort() + "/");
      BufferedImage color =
          ImageIO.read(
              new ByteArrayInputStream(
                  Http.post(base, "/v1/models/tiny:segment?format=color", png).body()));
      browser.open(base);
      assertEquals("ready", browser.script("return document.body.dataset.state").asText());
      browser.upload("#file", file);
      String state = "";
      for (int i = 0; i < 300 && !state.equals("done") && !state.equals("error"); i++) {
        Thread.sleep(100);
        state = browser.script("return document.body.dataset.state").asText();
      }
      Files.write(
          Files.createDirectories(Path.of("target")).resolve("demo-page.png"),
          browser.screenshot());
      assertEquals(
          "done",
          state,
          browser.script("return document.getElementById('status').textContent").asText());
      JsonNode overlay = pixels(browser, "overlay");
      JsonNode mask = pixels(browser, "mask");
      assertEquals(48, overlay.get("w").asInt());
      assertEquals(36, overlay.get("h").asInt());
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      int foreground = 0;
      for (int y = 0; y < 36; y++) {
        for (int x = 0; x < 48; x++) {
          int i = (y * 48 + x) * 4;
          int m = color.getRGB(x, y);
          boolean fg = (m >>> 24) != 0;
          foreground += fg ? 1 : 0;
          int img = image.getRGB(x, y);
          for (int c = 0; c < 3; c++) {
            int shift = 16 - 8 * c;
            int imgC = (img >> shift) & 0xff;
            int maskC = (m >> shift) & 0xff;
            int wantOverlay = fg ? Math.round(0.5f * imgC + 0.5f * maskC) : imgC;
            int wantMask = fg ? maskC : 0;
            String at = "(" + x + "," + y + ") channel " + c;
            assertEquals(wantOverlay, overlay.get("px").get(i + c).asInt(), 2, "overlay " + at);
            assertEquals(wantMask, mask.get("px").get(i + c).asInt(), 2, "mask " + at);
          }
        }
      }
      assertTrue(foreground > 48 * 36 / 10 && foreground < 48 * 36 * 9 / 10, "fg " + foreground);
      System.out.printf(
          "browser: overlay and mask canvases match at all %d pixels (%d foreground)%n",
          48 * 36, foreground);
    }
  }

  private static JsonNode pixels(WebDriver browser, String canvas) throws Exception {
    return browser.script(
        "const c = document.getElementById('"
            + canvas
            + "');"
            + "return {w: c.width, h: c.height,"
            + " px: Array.from(c.getContext('2d').getImageData(0, 0, c.width, c.height).data)};");
  }
}
