package org.tfseg.serve;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The demo page ({@code demo.html} beside this class), read once, with the model's name in it. */
final class DemoPage {
  private DemoPage() {}

  static byte[] html(String modelName) {
    try (InputStream in = DemoPage.class.getResourceAsStream("demo.html")) {
      String page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return page.replace("{{MODEL}}", modelName).getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
