package org.tfseg.serve;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tfseg.export.Mask;
import org.tfseg.export.SavedModelPredictor;
import org.tfseg.graph.Tensors;

/**
 * {@code tfseg serve}'s REST API against the SavedModel loaded directly: TF Serving's status,
 * metadata and predict (row and columnar, float and b64 inputs), {@code :segment} in its three
 * formats, batching, and a 4xx with a JSON error for every kind of bad request.
 */
class ServeApiTest {
  @TempDir static Path tmp;
  static ModelServer server;
  static ModelServer batching;
  static SavedModelPredictor direct;
  static URI base;
  static URI batchBase;
  static final ObjectMapper JSON = new ObjectMapper();
  static final byte[] PNG = bytes(50, 40, 1, "png");
  static final byte[] JPG = bytes(23, 31, 2, "jpg");

  @BeforeAll
  static void start() throws Exception {
    List<Path> v = TinyModel.export(tmp, "tiny", 1);
    direct = new SavedModelPredictor(v.get(0));
    PrintStream log = new PrintStream(new ByteArrayOutputStream());
    ServeOptions o =
        ServeOptions.defaults(tmp, "tiny").withPort(0).withLimits(1 << 20, 1000 * 1000);
    server = new ModelServer(o, log);
    base = URI.create("http://127.0.0.1:" + server.address().getPort());
    batching = new ModelServer(o.withBatching(new ServeOptions.Batching(4, 5000)), log);
    batchBase = URI.create("http://127.0.0.1:" + batching.address().getPort());
  }

  @AfterAll
  static void stop() {
    server.close();
    batching.close();
    direct.close();
  }

  @Test
  void bindsLoopbackAndReportsStatusAndMetadata() throws Exception {
    assertEquals("127.0.0.1", server.address().getAddress().getHostAddress());
    JsonNode status = json(Http.get(base, "/v1/models/tiny"), 200);
    assertEquals("1", status.at("/model_version_status/0/version").asText());
    assertEquals("AVAILABLE", status.at("/model_version_status/0/state").asText());
    json(Http.get(base, "/v1/models/tiny/versions/1"), 200);
    JsonNode sigs =
        json(Http.get(base, "/v1/models/tiny/metadata"), 200)
            .at("/metadata/signature_def/signature_def");
    assertEquals("DT_FLOAT", sigs.at("/serving_default/inputs/images/dtype").asText());
    assertEquals("32", sigs.at("/serving_default/inputs/images/tensor_shape/dim/1/size").asText());
    assertEquals("-1", sigs.at("/serving_default/inputs/images/tensor_shape/dim/0/size").asText());
    assertEquals(
        "DT_STRING", sigs.at("/serving_image_bytes_batch/inputs/image_bytes/dtype").asText());
    assertEquals("DT_INT32", sigs.at("/serving_image_bytes_batch/outputs/size/dtype").asText());
    assertEquals("tensorflow/serving/predict", sigs.at("/serving_default/method_name").asText());
  }

  @Test
  void predictRowAndColumnarFormatsEqualTheSavedModel() throws Exception {
    float[] x = new float[2 * 32 * 32 * 3];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i % 7) / 7f;
    }
    float[] want;
    try (TFloat32 t = Tensors.of(Shape.of(2, 32, 32, 3), x)) {
      want = direct.predict(t);
    }
    StringBuilder rows = new StringBuilder("{\"instances\": [");
    for (int n = 0; n < 2; n++) {
      rows.append(n == 0 ? "" : ",").append(nested(x, n * 32 * 32 * 3));
    }
    rows.append("]}");
    JsonNode p =
        json(Http.post(base, "/v1/models/tiny:predict", rows.toString()), 200).get("predictions");
    assertEquals(2, p.size());
    assertArrayEquals(want, flatten(p), 1e-6f);
    String columns =
        "{\"inputs\": {\"images\": [" + nested(x, 0) + "," + nested(x, 32 * 32 * 3) + "]}}";
    JsonNode o =
        json(Http.post(base, "/v1/models/tiny/versions/1:predict", columns), 200).get("outputs");
    assertArrayEquals(want, flatten(o), 1e-6f);

    String b64 =
        "{\"signature_name\": \"serving_image_bytes_batch\", \"instances\": [{\"b64\": \""
            + Base64.getEncoder().encodeToString(PNG)
            + "\"}, {\"image_bytes\": {\"b64\": \""
            + Base64.getEncoder().encodeToString(JPG)
            + "\"}}]}";
    JsonNode q = json(Http.post(base, "/v1/models/tiny:predict", b64), 200).get("predictions");
    assertEquals("[40,50]", q.get(0).get("size").toString());
    assertEquals("[31,23]", q.get(1).get("size").toString());
    Mask jpg = direct.predictEncoded(JPG);
    JsonNode padded = q.get(1).get("mask");
    assertEquals(40, padded.size(), "padded to the batch's largest height");
    for (int y = 0; y < 31; y++) {
      for (int xx = 0; xx < 23; xx++) {
        assertEquals(jpg.values()[y * 23 + xx], padded.get(y).get(xx).get(0).floatValue(), 1e-6f);
      }
    }
    String single =
        "{\"signature_name\": \"serving_image_bytes\", \"inputs\": {\"b64\": \""
            + Base64.getEncoder().encodeToString(JPG)
            + "\"}}";
    JsonNode s = json(Http.post(base, "/v1/models/tiny:predict", single), 200).get("outputs");
    assertEquals(31, s.size());
    assertEquals(jpg.values()[5 * 23 + 7], s.get(5).get(7).get(0).floatValue(), 0f);
  }

  @Test
  void segmentAnswersPngMasksAtTheImageSizeAlsoWhenBatched() throws Exception {
    Mask m = direct.predictEncoded(PNG);
    for (String format : List.of("binary", "probability", "color")) {
      for (URI u : List.of(base, batchBase)) {
        HttpResponse<byte[]> r = Http.post(u, "/v1/models/tiny:segment?format=" + format, PNG);
        assertEquals(200, r.statusCode(), Http.text(r));
        assertEquals("image/png", r.headers().firstValue("Content-Type").orElse(""));
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.body()));
        assertEquals(50, img.getWidth());
        assertEquals(40, img.getHeight());
        int fg = 0;
        for (int p = 0; p < 50 * 40; p++) {
          int rgb = img.getRGB(p % 50, p / 50);
          int want = MaskRender.classOf(m, p);
          fg += want;
          switch (format) {
            case "binary" -> assertEquals(want == 1 ? 0xffffffff : 0xff000000, rgb, "pixel " + p);
            case "color" -> assertEquals(want == 1 ? 0xff800000 : 0, rgb, "pixel " + p);
            default ->
                assertEquals(
                    Math.round(255 * m.values()[p]),
                    img.getRaster().getSample(p % 50, p / 50, 0),
                    1,
                    "pixel " + p);
          }
        }
        assertTrue(fg > 100 && fg < 1900, "both classes: " + fg);
      }
    }
  }

  @Test
  void badRequestsAreClientErrorsAndTheServerGoesOn() throws Exception {
    for (LoadRequest q : LoadRequest.mix("tiny", 1 << 20)) {
      if (q.expectStatus() == 200) {
        continue;
      }
      HttpResponse<byte[]> r =
          q.body() == null ? Http.get(base, q.path()) : Http.post(base, q.path(), q.body());
      assertEquals(q.expectStatus(), r.statusCode(), q.name() + ": " + Http.text(r));
      assertTrue(json(r, q.expectStatus()).get("error").asText().length() > 3, q.name());
    }
    for (String[] c :
        new String[][] {
          {"/v1/models/tiny:predict", "[1, 2]"},
          {
            "/v1/models/tiny:predict",
            "{\"instances\": [], \"signature_name\": \"serving_default\"}"
          },
          {
            "/v1/models/tiny:predict",
            "{\"inputs\": {\"b64\": \"!!\"}, \"signature_name\": \"serving_image_bytes\"}"
          },
          {
            "/v1/models/tiny:predict",
            "{\"instances\": [{\"b64\": \"AAAA\"}], \"signature_name\": \"serving_image_bytes\"}"
          },
          {"/v1/models/tiny:predict", "{\"instances\": [[[\"x\"]]]}"},
          {"/v1/models/tiny:predict", "{\"instances\": [1], \"inputs\": [1]}"},
          {"/v1/models/tiny:segment?format=sepia", "x"},
        }) {
      HttpResponse<byte[]> r = Http.post(base, c[0], c[1]);
      assertEquals(400, r.statusCode(), c[1] + ": " + Http.text(r));
      json(r, 400);
    }
    assertEquals(405, Http.get(base, "/v1/models/tiny:predict").statusCode());
    assertEquals(404, Http.get(base, "/v1/models/tiny/versions/7").statusCode());
    assertEquals(404, Http.get(base, "/favicon.ico").statusCode());
    assertEquals(200, Http.post(base, "/v1/models/tiny:segment", PNG).statusCode());
  }

  private static JsonNode json(HttpResponse<byte[]> r, int status) throws Exception {
    assertEquals(status, r.statusCode(), Http.text(r));
    return JSON.readTree(r.body());
  }

  private static String nested(float[] x, int offset) {
    StringBuilder b = new StringBuilder("[");
    for (int y = 0; y < 32; y++) {
      b.append(y == 0 ? "[" : ",[");
      for (int xx = 0; xx < 32; xx++) {
        int i = offset + (y * 32 + xx) * 3;
        b.append(xx == 0 ? "[" : ",[")
            .append(x[i])
            .append(',')
            .append(x[i + 1])
            .append(',')
            .append(x[i + 2])
            .append(']');
      }
      b.append(']');
    }
    return b.append(']').toString();
  }

  private static float[] flatten(JsonNode n) {
    List<Float> out = new java.util.ArrayList<>();
    flatten(n, out);
    float[] f = new float[out.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = out.get(i);
    }
    return f;
  }

  private static void flatten(JsonNode n, List<Float> out) {
    if (n.isArray()) {
      n.forEach(c -> flatten(c, out));
    } else {
      out.add(n.floatValue());
    }
  }

  private static byte[] bytes(int w, int h, long seed, String format) {
    try {
      return TinyModel.image(w, h, seed, format);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
