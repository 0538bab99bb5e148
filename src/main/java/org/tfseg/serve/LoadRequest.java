package org.tfseg.serve;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;

/**
 * One kind of request the {@link LoadGenerator} sends: a GET when {@code body} is null, else a
 * POST, and the status it must get.
 */
public record LoadRequest(
    String name, String path, byte[] body, String contentType, int expectStatus) {

  /** {@code :segment} on an image, answered with a binary mask PNG. */
  public static LoadRequest segment(String model, String name, byte[] image) {
    return new LoadRequest(name, "/v1/models/" + model + ":segment", image, "image/png", 200);
  }

  /** {@code :segment} on each image file, or on a generated 256×256 JPEG when there is none. */
  public static List<LoadRequest> segments(String model, List<java.nio.file.Path> images)
      throws IOException {
    List<LoadRequest> kinds = new ArrayList<>();
    for (java.nio.file.Path f : images) {
      kinds.add(segment(model, f.getFileName().toString(), java.nio.file.Files.readAllBytes(f)));
    }
    if (kinds.isEmpty()) {
      kinds.add(segment(model, "generated", image(256, 256, 1, "jpg")));
    }
    return kinds;
  }

  /**
   * The mix of valid and invalid requests: segment on three images (PNG, JPEG, a probability PNG),
   * REST predict in the row format with b64 images, status and metadata; then a corrupt file, a
   * truncated PNG, a truncated JPEG, a decompression bomb, JSON that is not JSON, JSON of the wrong
   * shape, a wrong signature name, a body over {@code maxBodyBytes}, an unknown path and an unknown
   * model.
   */
  public static List<LoadRequest> mix(String model, int maxBodyBytes) throws IOException {
    String m = "/v1/models/" + model;
    byte[] png = image(64, 48, 1, "png");
    byte[] jpg = image(100, 80, 2, "jpg");
    byte[] small = image(33, 57, 3, "png");
    String rows =
        "{\"signature_name\": \"serving_image_bytes_batch\", \"instances\": [{\"b64\": \""
            + Base64.getEncoder().encodeToString(small)
            + "\"}, {\"b64\": \""
            + Base64.getEncoder().encodeToString(png)
            + "\"}]}";
    List<LoadRequest> kinds = new ArrayList<>();
    kinds.add(segment(model, "segment-png", png));
    kinds.add(new LoadRequest("segment-jpeg", m + ":segment", jpg, "image/jpeg", 200));
    kinds.add(
        new LoadRequest(
            "segment-probability", m + ":segment?format=probability", small, "image/png", 200));
    kinds.add(
        new LoadRequest("predict-b64-rows", m + ":predict", utf8(rows), "application/json", 200));
    kinds.add(new LoadRequest("status", m, null, null, 200));
    kinds.add(new LoadRequest("metadata", m + "/metadata", null, null, 200));
    byte[] garbage = new byte[3000];
    new SplittableRandom(4).nextBytes(garbage);
    kinds.add(new LoadRequest("corrupt", m + ":segment", garbage, "image/png", 400));
    kinds.add(
        new LoadRequest(
            "truncated-png", m + ":segment", Arrays.copyOf(png, png.length / 2), "image/png", 400));
    kinds.add(
        new LoadRequest(
            "truncated-jpeg",
            m + ":segment",
            Arrays.copyOf(jpg, jpg.length / 2),
            "image/jpeg",
            400));
    kinds.add(new LoadRequest("bomb", m + ":segment", bomb(60000, 60000), "image/png", 413));
    kinds.add(
        new LoadRequest(
            "not-json", m + ":predict", utf8("{\"instances\": [1,"), "application/json", 400));
    kinds.add(
        new LoadRequest(
            "wrong-shape",
            m + ":predict",
            utf8("{\"instances\": [[[0.5, 0.5]]]}"),
            "application/json",
            400));
    kinds.add(
        new LoadRequest(
            "wrong-signature",
            m + ":predict",
            utf8("{\"signature_name\": \"nope\", \"instances\": [1]}"),
            "application/json",
            400));
    kinds.add(
        new LoadRequest(
            "too-large", m + ":segment", new byte[maxBodyBytes + 4096], "image/png", 413));
    kinds.add(new LoadRequest("unknown-path", "/v2/nothing", null, null, 404));
    kinds.add(new LoadRequest("unknown-model", "/v1/models/other:segment", png, "image/png", 404));
    return kinds;
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Blocks of red and grey, {@code w}×{@code h}, as PNG or JPEG. */
  public static byte[] image(int w, int h, long seed, String format) throws IOException {
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    SplittableRandom r = new SplittableRandom(seed);
    int block = Math.max(2, Math.min(w, h) / 4);
    for (int by = 0; by < h; by += block) {
      for (int bx = 0; bx < w; bx += block) {
        int rgb = r.nextBoolean() ? 0xE01010 : 0x404848;
        for (int y = by; y < Math.min(h, by + block); y++) {
          for (int x = bx; x < Math.min(w, bx + block); x++) {
            img.setRGB(x, y, rgb);
          }
        }
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(img, format, out);
    return out.toByteArray();
  }

  /** A PNG whose header claims {@code w}×{@code h} RGB pixels: a few hundred bytes. */
  public static byte[] bomb(int w, int h) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13);
    ihdr.putInt(w).putInt(h).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
    chunk(out, "IHDR", ihdr.array());
    java.util.zip.Deflater d = new java.util.zip.Deflater(9);
    d.setInput(new byte[64 * 1024]);
    d.finish();
    byte[] buf = new byte[4096];
    int n = d.deflate(buf);
    chunk(out, "IDAT", Arrays.copyOf(buf, n));
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream out, String type, byte[] data)
      throws IOException {
    out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
    byte[] t = type.getBytes(StandardCharsets.US_ASCII);
    out.write(t);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
