package org.tfseg.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tensorflow.ndarray.Shape;
import org.tfseg.UserError;
import org.tfseg.graph.Tensors;
import org.tfseg.testing.OddImages;

/**
 * Every kind of image file a dataset may hold is either read with a documented conversion (and then
 * really decodes so) or refused by the header check in one line naming the file, before anything is
 * decoded.
 */
class ImageHeaderTest {
  private static final long LIMIT = 1_000_000;

  @TempDir Path tmp;

  private ImageHeader header(Path file) {
    return ImageHeader.read(file, LIMIT, "data.max_image_pixels");
  }

  private String refusal(Path file) {
    UserError e = assertThrows(UserError.class, () -> header(file), file.toString());
    assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    return e.getMessage().substring(file.toString().length() + 2);
  }

  @Test
  void validVariantsGiveTheirSize() throws Exception {
    Map<Path, String> files =
        Map.of(
            OddImages.rgb(tmp.resolve("rgb.png"), 7, 5, "png"), "png",
            OddImages.rgb(tmp.resolve("photo.jpg"), 7, 5, "jpg"), "jpeg",
            OddImages.grey16(tmp.resolve("g16.png"), 7, 5, new int[35]), "png",
            OddImages.palette(tmp.resolve("pal.png"), 7, 5, 0xff0000), "png",
            OddImages.rgba(tmp.resolve("rgba.png"), 7, 5, 0x80ff0000), "png",
            OddImages.cmykJpeg(tmp.resolve("cmyk.jpg"), 7, 5), "jpeg");
    for (Map.Entry<Path, String> f : files.entrySet()) {
      ImageHeader h = header(f.getKey());
      assertEquals(f.getValue(), h.format(), f.getKey().toString());
      assertEquals("7x5", h.size(), f.getKey().toString());
    }
    assertEquals(16, header(tmp.resolve("g16.png")).bitDepth());
    assertEquals("1x1", header(OddImages.rgb(tmp.resolve("one.png"), 1, 1, "png")).size());
    Path pngNamedJpg = Files.copy(tmp.resolve("rgb.png"), tmp.resolve("really-png.jpg"));
    assertEquals("png", header(pngNamedJpg).format(), "the content decides, not the extension");
  }

  @Test
  void brokenFilesAreRefusedNamingTheFile() throws Exception {
    Path png = OddImages.rgb(tmp.resolve("good.png"), 40, 30, "png");
    Path jpg = OddImages.rgb(tmp.resolve("good.jpg"), 40, 30, "jpg");
    Path bmp = OddImages.rgb(tmp.resolve("good.bmp"), 40, 30, "bmp");
    assertEquals("bmp", header(bmp).format());
    assertEquals(
        "empty file (0 bytes), not an image",
        refusal(Files.write(tmp.resolve("zero.png"), new byte[0])));
    assertTrue(
        refusal(Files.writeString(tmp.resolve("page.jpg"), "<html><body>404</body></html>"))
            .startsWith(
                "not an image: PNG, JPEG, GIF or BMP content expected, the file starts with \"<html><b\""));
    assertTrue(
        refusal(OddImages.truncated(png, tmp.resolve("cut.png"), 100)).startsWith("truncated PNG"));
    assertTrue(
        refusal(OddImages.truncated(jpg, tmp.resolve("cut.jpg"), 100))
            .startsWith("truncated JPEG (100 bytes, ends in its header)"));
    assertEquals(
        "truncated JPEG (" + (Files.size(jpg) - 10) + " bytes, no end-of-image marker)",
        refusal(OddImages.truncated(jpg, tmp.resolve("cut-scan.jpg"), (int) Files.size(jpg) - 10)));
    assertTrue(
        refusal(OddImages.truncated(bmp, tmp.resolve("cut.bmp"), (int) Files.size(bmp) - 10))
            .startsWith("truncated BMP"));
    assertTrue(
        refusal(OddImages.corruptIdat(png, tmp.resolve("crc.png"))).contains("fails its CRC"));
    assertEquals(
        "12-bit JPEG; only 8-bit JPEGs can be decoded",
        refusal(OddImages.twelveBitJpeg(tmp.resolve("twelve.jpg"))));
    assertEquals(
        "1-bit BMP; only 8-, 24- and 32-bit BMPs can be decoded",
        refusal(OddImages.oneBitBmp(tmp.resolve("one-bit.bmp"), 8, 8)));
    Path bomb = OddImages.bomb(tmp.resolve("bomb.png"), 50_000, 40_000);
    assertTrue(Files.size(bomb) < 1000, "small on disk");
    assertEquals(
        "its header claims 50000x40000 = 2,000,000,000 pixels, above data.max_image_pixels"
            + " 1,000,000 (a decompression bomb, or far too large to train on)",
        refusal(bomb));
  }

  @Test
  void acceptedVariantsDecodeAsDocumented() throws Exception {
    Path mask = OddImages.mask(tmp.resolve("m.png"), 3, 2);
    // 16-bit: the high byte (v >> 8)
    int[] values = {0, 255, 256, 32768, 65535, 1000};
    float[] g16 = firstImage(OddImages.grey16(tmp.resolve("g16.png"), 3, 2, values), mask, 2, 3);
    float[] expected = {0, 0, 1, 128, 255, 3};
    for (int i = 0; i < 6; i++) {
      for (int c = 0; c < 3; c++) {
        assertEquals(expected[i] / 255f, g16[3 * i + c], 1e-6, "pixel " + i);
      }
    }
    // palette: the colour, not the index
    float[] pal = firstImage(OddImages.palette(tmp.resolve("pal.png"), 3, 2, 0x20c040), mask, 2, 3);
    assertEquals(0x20 / 255f, pal[0], 1e-6);
    assertEquals(0xc0 / 255f, pal[1], 1e-6);
    assertEquals(0x40 / 255f, pal[2], 1e-6);
    // RGBA: alpha dropped, colour kept
    float[] rgba =
        firstImage(OddImages.rgba(tmp.resolve("rgba.png"), 3, 2, 0x10ff8000), mask, 2, 3);
    assertEquals(1f, rgba[0], 1e-6);
    assertEquals(0x80 / 255f, rgba[1], 1e-6);
    // 1x1: resized like any image, to a constant picture
    Path one = OddImages.rgb(tmp.resolve("one.png"), 1, 1, "png");
    float[] big = firstImage(one, OddImages.mask(tmp.resolve("m1.png"), 1, 1), 4, 4);
    for (int i = 0; i < 16; i++) {
      assertEquals(big[0], big[3 * i], 1e-6);
    }
    // CMYK JPEG: three channels out
    float[] cmyk = firstImage(OddImages.cmykJpeg(tmp.resolve("cmyk.jpg"), 3, 2), mask, 2, 3);
    assertEquals(2 * 3 * 3, cmyk.length);
  }

  @Test
  void pairScanNamesMismatchesAndSixteenBitLabels() throws Exception {
    Path image = OddImages.rgb(tmp.resolve("a.png"), 6, 4, "png");
    Path mask = OddImages.mask(tmp.resolve("a-mask.png"), 4, 6);
    List<Integer> progress = new ArrayList<>();
    PairScan.check(
        List.of(new SamplePair("a", image, OddImages.mask(tmp.resolve("ok.png"), 6, 4))),
        LIMIT,
        "k",
        progress::add);
    assertEquals(List.of(1), progress);
    UserError e =
        assertThrows(
            UserError.class,
            () -> PairScan.check(List.of(new SamplePair("a", image, mask)), LIMIT, "k", n -> {}));
    assertEquals(mask + ": mask is 4x6 (WxH) but its image " + image + " is 6x4", e.getMessage());
    Path labels = OddImages.grey16(tmp.resolve("labels.png"), 6, 4, new int[24]);
    UserError sixteen =
        assertThrows(
            UserError.class,
            () ->
                PairScan.check(
                    List.of(new SamplePair("a", image, labels, LabelMap.OXFORD_TRIMAP)),
                    LIMIT,
                    "k",
                    n -> {}));
    assertTrue(
        sixteen.getMessage().startsWith(labels + ": a 16-bit label image"), sixteen.getMessage());
  }

  private static float[] firstImage(Path image, Path mask, int h, int w) {
    try (InputPipeline p =
            new InputPipeline(
                List.of(new SamplePair("x", image, mask)),
                new PipelineOptions(h, w, 1, false, 0, 1, 0, false));
        BatchIterator it = p.epoch(0);
        Batch b = it.next()) {
      assertEquals(Shape.of(1, h, w, 3), b.images().shape());
      return Tensors.floats(b.images());
    }
  }
}
