package org.tfseg.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tfseg.testing.OddImages;
import org.tfseg.weights.WeightFixtures;

/**
 * A corpus of bad inputs across every command — broken experiment files and {@code --set} values,
 * image files of every broken kind, damaged and foreign checkpoints, refused resumes, output paths
 * that cannot or must not be written — each of which must end with exit code 2 and one line naming
 * the file or JSON path, no stack trace, and every file under the test's folder byte-identical
 * afterwards, with nothing added. The cases and their messages are written to {@code
 * target/bad-input-corpus.md}.
 */
class BadInputCorpusTest {
  @TempDir static Path tmp;

  private static Path exp;
  private static Path run;
  private static Path savedModel;

  /** One bad input: the arguments, and what its message must name. */
  private record Case(String what, String names, String... args) {}

  @BeforeAll
  static void trainAndExportOnce() throws Exception {
    exp =
        Files.writeString(
            tmp.resolve("tiny.json"),
            RunSafetyTest.experiment(tmp).replace("\"epochs\": 2", "\"epochs\": 1"));
    CliRun train = CliRun.of("train", exp.toString());
    assertEquals(0, train.code(), train.err());
    run = tmp.resolve("runs/safe/run-001");
    savedModel = tmp.resolve("export");
    CliRun export =
        CliRun.of(
            "export",
            exp.toString(),
            "--checkpoint",
            run.toString(),
            "--out",
            savedModel.toString());
    assertEquals(0, export.code(), export.err());
  }

  @Test
  void everyBadInputIsOneLineExitTwoAndTouchesNothing() throws Exception {
    List<Case> cases = cases();
    assertTrue(cases.size() >= 30, cases.size() + " cases");
    List<String> table = new ArrayList<>();
    table.add("| # | command | bad input | exit | message (stderr) |");
    table.add("|---|---|---|---|---|");
    List<String> failures = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      Map<String, String> before = snapshot();
      CliRun r = CliRun.of(c.args());
      Map<String, String> after = snapshot();
      String err = r.err().strip();
      String problem = null;
      if (r.code() != 2) {
        problem = "exit " + r.code();
      } else if (err.lines().count() != 1 || !err.startsWith("tfseg: error: ")) {
        problem = "not one 'tfseg: error:' line";
      } else if (err.contains("\tat ") || err.contains("Exception")) {
        problem = "a stack trace or exception name";
      } else if (!err.contains(c.names())) {
        problem = "does not name " + c.names();
      } else if (!before.equals(after)) {
        problem = "files changed: " + changes(before, after);
      }
      if (problem != null) {
        failures.add(
            c.what()
                + ": "
                + problem
                + "\n    "
                + String.join(" ", c.args())
                + "\n    "
                + r.err()
                + r.out());
      }
      table.add(
          "| "
              + (i + 1)
              + " | "
              + c.args()[0]
              + " | "
              + c.what()
              + " | "
              + r.code()
              + " | `"
              + shorten(err).replace("|", "\\|")
              + "` |");
    }
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/bad-input-corpus.md"), String.join("\n", table) + "\n");
    assertTrue(
        failures.isEmpty(), failures.size() + " case(s) failed:\n" + String.join("\n", failures));
  }

  private static List<Case> cases() throws Exception {
    String e = exp.toString();
    String t = tmp.toString();
    List<Case> c = new ArrayList<>();

    // experiment files and --set values
    Path truncatedJson =
        Files.writeString(tmp.resolve("cut.json"), "{\"name\": \"safe\", \"model\": {");
    c.add(
        new Case(
            "truncated JSON file",
            truncatedJson + ": line 1",
            "summary",
            truncatedJson.toString()));
    Path trailing = Files.writeString(tmp.resolve("two.json"), Files.readString(exp) + "}");
    c.add(
        new Case(
            "content after the JSON object", trailing.toString(), "train", trailing.toString()));
    c.add(new Case("experiment path is a folder", t + ": is a directory", "train", t));
    c.add(
        new Case(
            "learning_rate 1e999 (+Infinity)",
            "$.optimizer.learning_rate",
            "train",
            e,
            "--set",
            "optimizer.learning_rate=1e999"));
    c.add(
        new Case(
            "min_lr -1e999 (-Infinity)",
            "$.training.callbacks[1].min_lr",
            "train",
            e,
            "--set",
            "training.callbacks.1.min_lr=-1e999"));
    c.add(
        new Case(
            "string for an integer",
            "$.training.batch_size",
            "summary",
            e,
            "--set",
            "training.batch_size=eight"));
    c.add(
        new Case(
            "float for an integer", "$.model.depth", "summary", e, "--set", "model.depth=2.5"));
    c.add(
        new Case(
            "--set without '='",
            "bad override 'training.epochs'",
            "summary",
            e,
            "--set",
            "training.epochs"));
    c.add(new Case("unknown key via --set", "'epoch'", "summary", e, "--set", "training.epoch=3"));
    c.add(new Case("null value", "$.seed", "summary", e, "--set", "seed=null"));
    c.add(
        new Case(
            "image_size not a multiple of 2^depth",
            "$.data.image_size",
            "train",
            e,
            "--set",
            "data.image_size=[34,34]"));
    c.add(
        new Case(
            "loss_upper_bound 0",
            "$.training.loss_upper_bound",
            "summary",
            e,
            "--set",
            "training.loss_upper_bound=0"));
    c.add(
        new Case(
            "loss_growth_factor 1",
            "$.training.loss_growth_factor",
            "summary",
            e,
            "--set",
            "training.loss_growth_factor=1"));
    c.add(
        new Case(
            "max_image_pixels 0",
            "$.data.max_image_pixels",
            "summary",
            e,
            "--set",
            "data.max_image_pixels=0"));

    // encoder weights (.h5), checked when the import starts, before the run folder exists
    byte[] h5 = Files.readAllBytes(WeightFixtures.path("mobilenet_v2_a010.h5"));
    Path cutH5 = Files.write(tmp.resolve("cut.h5"), Arrays.copyOf(h5, 743_000));
    Path fullH5 = Files.write(tmp.resolve("alpha010.h5"), h5);
    c.add(weights("encoder weights cut inside their data (.h5)", cutH5, "truncated or damaged"));
    c.add(weights("encoder weights that are not HDF5", exp, exp.toString()));
    c.add(weights("encoder weights of another model width (.h5)", fullH5, fullH5.toString()));

    // image and mask files of a training set (scanned before the run folder exists)
    Path src = OddImages.rgb(tmp.resolve("src.jpg"), 48, 40, "jpg");
    Path bombs = dataset("bomb", "b.png", p -> OddImages.bomb(p, 30_000, 30_000), true);
    c.add(train("decompression bomb image (30000x30000 header)", bombs, "images/b.png"));
    c.add(
        train(
            "zero-byte mask",
            dataset("zero", "z.png", p -> Files.write(p, new byte[0]), false),
            "masks/z.png"));
    c.add(
        train(
            "truncated PNG image",
            dataset(
                "cutpng",
                "c.png",
                p -> OddImages.truncated(good(), p, (int) Files.size(good()) / 2),
                true),
            "images/c.png"));
    c.add(
        train(
            "truncated JPEG image",
            dataset(
                "cutjpg",
                "c.jpg",
                p ->
                    OddImages.truncated(
                        OddImages.rgb(tmp.resolve("src.jpg"), 48, 40, "jpg"),
                        p,
                        (int) Files.size(tmp.resolve("src.jpg")) / 2),
                true),
            "images/c.jpg"));
    c.add(
        train(
            "JPEG cut inside its scan data",
            dataset(
                "scanjpg",
                "d.jpg",
                p -> OddImages.truncated(src, p, (int) Files.size(src) - 10),
                true),
            "images/d.jpg"));
    c.add(
        train(
            "HTML page saved as .jpg",
            dataset(
                "html", "h.jpg", p -> Files.writeString(p, "<!DOCTYPE html><html></html>"), true),
            "images/h.jpg"));
    c.add(
        train(
            "PNG with a corrupt IDAT chunk",
            dataset("crc", "k.png", p -> OddImages.corruptIdat(good(), p), true),
            "images/k.png"));
    c.add(
        train(
            "12-bit JPEG",
            dataset("twelve", "t.jpg", OddImages::twelveBitJpeg, true),
            "images/t.jpg"));
    c.add(
        train(
            "1-bit BMP",
            dataset("bmp1", "o.bmp", p -> OddImages.oneBitBmp(p, 48, 40), true),
            "images/o.bmp"));
    c.add(
        train(
            "mask of another size than its image",
            dataset("size", "s.png", p -> OddImages.mask(p, 40, 48), false),
            "masks/s.png"));
    Path goodSet = dataset("ok", null, null, true);
    c.add(
        new Case(
            "images above a lowered data.max_image_pixels",
            "data.max_image_pixels 1,000",
            "train",
            e,
            "--set",
            source("train", goodSet),
            "--set",
            "data.max_image_pixels=1000"));

    // resume
    c.add(
        new Case(
            "resume with another learning rate",
            "$.optimizer.learning_rate",
            "train",
            e,
            "--resume",
            run.toString(),
            "--set",
            "optimizer.learning_rate=0.01"));
    c.add(
        new Case(
            "resume with another model",
            "$.model.base_filters",
            "train",
            e,
            "--resume",
            run.toString(),
            "--set",
            "model.base_filters=8"));
    c.add(
        new Case(
            "resume with other data",
            "$.data.train.count",
            "train",
            e,
            "--resume",
            run.toString(),
            "--set",
            "data.train.count=30"));
    c.add(
        new Case(
            "resume with another name",
            "$.name",
            "train",
            e,
            "--resume",
            run.toString(),
            "--set",
            "name=other"));
    c.add(
        new Case(
            "resume a folder that is no run",
            t + "/export: not a tfseg run",
            "train",
            e,
            "--resume",
            savedModel.toString()));
    Path damagedRun = copyRun("damaged");
    try (Stream<Path> s = Files.list(damagedRun.resolve("checkpoints"))) {
      for (Path ck : s.filter(p -> p.getFileName().toString().startsWith("step-")).toList()) {
        truncate(ck.resolve("ckpt.data-00000-of-00001"));
      }
    }
    c.add(
        new Case(
            "resume with every checkpoint truncated",
            "ckpt.data-00000-of-00001: truncated",
            "train",
            e,
            "--resume",
            damagedRun.toString()));
    Path foreignRun = copyRun("foreign");
    ObjectNode json =
        (ObjectNode) new ObjectMapper().readTree(foreignRun.resolve("experiment.json").toFile());
    ((ObjectNode) json.get("model")).put("base_filters", 8);
    Files.writeString(foreignRun.resolve("experiment.json"), json.toPrettyString());
    c.add(
        new Case(
            "resume whose checkpoint is of another model",
            "a checkpoint of another model",
            "train",
            e,
            "--resume",
            foreignRun.toString(),
            "--set",
            "model.base_filters=8"));

    // checkpoints for eval and export
    Path best = run.resolve("checkpoints/best");
    Path cut = copyCheckpoint(best, "cut");
    truncate(cut.resolve("ckpt.data-00000-of-00001"));
    c.add(
        new Case(
            "eval of a truncated checkpoint",
            cut + "/ckpt.data-00000-of-00001: truncated",
            "eval",
            e,
            "--checkpoint",
            cut.toString()));
    Path badIndex = copyCheckpoint(best, "index");
    truncate(badIndex.resolve("ckpt.index"));
    c.add(
        new Case(
            "export of a checkpoint with a cut index",
            badIndex + "/ckpt.index: not a complete checkpoint index",
            "export",
            e,
            "--checkpoint",
            badIndex.toString(),
            "--out",
            t + "/never"));
    Path noData = copyCheckpoint(best, "nodata");
    Files.delete(noData.resolve("ckpt.data-00000-of-00001"));
    c.add(
        new Case(
            "export of a checkpoint without its data file",
            noData + "/ckpt.data-00000-of-00001: missing",
            "export",
            e,
            "--checkpoint",
            noData.toString(),
            "--out",
            t + "/never"));
    c.add(
        new Case(
            "eval with another model's experiment",
            "a checkpoint of another model",
            "eval",
            e,
            "--checkpoint",
            run.toString(),
            "--set",
            "model.base_filters=8"));
    c.add(
        new Case(
            "eval on a test set with a truncated mask",
            "c.png",
            "eval",
            e,
            "--checkpoint",
            run.toString(),
            "--set",
            source(
                "test",
                dataset(
                    "evalcut",
                    "c.png",
                    p ->
                        OddImages.truncated(
                            OddImages.mask(tmp.resolve("m.png"), 48, 40),
                            p,
                            (int) Files.size(tmp.resolve("m.png")) - 20),
                    false))));

    // outputs
    c.add(
        new Case(
            "export --out under a file",
            "/etc/passwd is a file",
            "export",
            e,
            "--checkpoint",
            run.toString(),
            "--out",
            "/etc/passwd/model"));
    c.add(
        new Case(
            "export --out an existing folder",
            savedModel + ": already exists",
            "export",
            e,
            "--checkpoint",
            run.toString(),
            "--out",
            savedModel.toString()));
    c.add(
        new Case(
            "export --out where nothing can be created",
            "/proc/tfseg-corpus",
            "export",
            e,
            "--checkpoint",
            run.toString(),
            "--out",
            "/proc/tfseg-corpus"));
    c.add(
        new Case(
            "eval --out under a file",
            "/etc/passwd",
            "eval",
            e,
            "--checkpoint",
            run.toString(),
            "--out",
            "/etc/passwd/eval.json"));
    c.add(
        new Case(
            "eval --out an existing file",
            exp + ": already exists",
            "eval",
            e,
            "--checkpoint",
            run.toString(),
            "--out",
            e));
    c.add(
        new Case(
            "eval --out into the evaluated images' folder",
            goodSet + "/images",
            "eval",
            e,
            "--checkpoint",
            run.toString(),
            "--set",
            source("test", goodSet),
            "--out",
            goodSet + "/images/eval.json"));
    Path in = goodSet.resolve("images");
    String sm = savedModel.toString();
    c.add(
        new Case(
            "predict --output equal to --input",
            "--output " + in + ": is --input",
            "predict",
            "--saved-model",
            sm,
            "--input",
            in.toString(),
            "--output",
            in.toString()));
    c.add(
        new Case(
            "predict --output inside --input",
            "--output " + in + "/masks: is inside --input",
            "predict",
            "--saved-model",
            sm,
            "--input",
            in.toString(),
            "--output",
            in + "/masks"));
    c.add(
        new Case(
            "predict --output beside a single --input",
            "is the folder of --input",
            "predict",
            "--saved-model",
            sm,
            "--input",
            in.resolve("p0.png").toString(),
            "--output",
            in.toString()));
    Path nonEmpty = Files.createDirectories(tmp.resolve("nonempty"));
    Files.writeString(nonEmpty.resolve("notes.txt"), "mine");
    c.add(
        new Case(
            "predict --output a non-empty folder",
            nonEmpty + ": not empty",
            "predict",
            "--saved-model",
            sm,
            "--input",
            in.toString(),
            "--output",
            nonEmpty.toString()));
    c.add(
        new Case(
            "predict --output a file",
            exp + ": is a file",
            "predict",
            "--saved-model",
            sm,
            "--input",
            in.toString(),
            "--output",
            e));
    c.add(
        new Case(
            "predict --output under a file",
            "/etc/passwd is a file",
            "predict",
            "--saved-model",
            sm,
            "--input",
            in.toString(),
            "--output",
            "/etc/passwd/masks"));
    Path collide = Files.createDirectories(tmp.resolve("collide"));
    OddImages.rgb(collide.resolve("a.jpg"), 48, 40, "jpg");
    OddImages.rgb(collide.resolve("a.png"), 48, 40, "png");
    OddImages.rgb(collide.resolve("a.jpg.png"), 48, 40, "png");
    c.add(
        new Case(
            "predict inputs whose masks would collide",
            "a.jpg.png: its mask would be a.jpg.png",
            "predict",
            "--saved-model",
            sm,
            "--input",
            collide.toString(),
            "--output",
            t + "/never"));
    Path bombIn = Files.createDirectories(tmp.resolve("bomb-in"));
    OddImages.bomb(bombIn.resolve("x.png"), 20_000, 20_000);
    c.add(
        new Case(
            "predict a decompression bomb",
            bombIn + "/x.png: its header claims 20000x20000",
            "predict",
            "--saved-model",
            sm,
            "--input",
            bombIn.toString(),
            "--output",
            t + "/never"));
    Path zeroIn = Files.createDirectories(tmp.resolve("zero-in"));
    Files.write(zeroIn.resolve("z.png"), new byte[0]);
    c.add(
        new Case(
            "predict a zero-byte image",
            zeroIn + "/z.png: empty file",
            "predict",
            "--saved-model",
            sm,
            "--input",
            zeroIn.toString(),
            "--output",
            t + "/never"));
    c.add(
        new Case(
            "predict --max-pixels not a number",
            "--max-pixels",
            "predict",
            "--saved-model",
            sm,
            "--input",
            in.toString(),
            "--output",
            t + "/never",
            "--max-pixels",
            "lots"));

    // eval --pred-dir
    Path gts = goodSet.resolve("masks");
    Path preds = Files.createDirectories(tmp.resolve("preds"));
    try (Stream<Path> s = Files.list(gts)) {
      for (Path m : s.toList()) {
        Files.copy(m, preds.resolve(m.getFileName()));
      }
    }
    Path zeroPreds = Files.createDirectories(tmp.resolve("preds-zero"));
    try (Stream<Path> s = Files.list(preds)) {
      for (Path m : s.toList()) {
        Files.copy(m, zeroPreds.resolve(m.getFileName()));
      }
    }
    Files.write(zeroPreds.resolve("p1.png"), new byte[0]);
    c.add(
        new Case(
            "--pred-dir with a zero-byte prediction",
            zeroPreds + "/p1.png: empty file",
            "eval",
            "--pred-dir",
            zeroPreds.toString(),
            "--gt-dir",
            gts.toString()));
    Path bombGts =
        dataset("bombgt", "p2.png", p -> OddImages.bomb(p, 30_000, 30_000), false).resolve("masks");
    c.add(
        new Case(
            "--gt-dir with a decompression bomb",
            bombGts + "/p2.png: its header claims",
            "eval",
            "--pred-dir",
            preds.toString(),
            "--gt-dir",
            bombGts.toString()));
    c.add(
        new Case(
            "--pred-dir --out inside --pred-dir",
            "--out " + preds + "/sod.json: is inside",
            "eval",
            "--pred-dir",
            preds.toString(),
            "--gt-dir",
            gts.toString(),
            "--out",
            preds + "/sod.json"));
    c.add(
        new Case(
            "--pred-dir --out under a file",
            "/etc/passwd is a file",
            "eval",
            "--pred-dir",
            preds.toString(),
            "--gt-dir",
            gts.toString(),
            "--out",
            "/etc/passwd/sod.json"));
    return c;
  }

  /**
   * A training run on {@code data} instead of the synthetic set; the message names {@code file}.
   */
  /** Trains a MobileNetV2 U-Net whose encoder weights come from {@code file}. */
  private static Case weights(String what, Path file, String names) {
    return new Case(
        what,
        names,
        "train",
        exp.toString(),
        "--set",
        "model={\"architecture\":\"encoder_unet\",\"encoder\":{\"name\":\"mobilenet_v2\","
            + "\"weights\":\""
            + file
            + "\"},\"decoder\":{\"type\":\"transpose\"}}");
  }

  private static Case train(String what, Path data, String file) {
    return new Case(
        what, data + "/" + file, "train", exp.toString(), "--set", source("train", data));
  }

  private static String source(String split, Path data) {
    return "data."
        + split
        + "={\"layout\":\"folder\",\"images\":\""
        + data.resolve("images")
        + "\",\"masks\":\""
        + data.resolve("masks")
        + "\"}";
  }

  /** Writes the bad file at {@code path}. */
  private interface Writer {
    Object write(Path path) throws IOException;
  }

  /**
   * {@code data/<name>/images|masks} with four good 48x40 pairs {@code p0..p3}; a bad {@code file}
   * (an image, or a mask when {@code image} is false) replaces the pair {@code p?} of its base name
   * or is added with a good counterpart.
   */
  private static Path dataset(String name, String file, Writer bad, boolean image)
      throws IOException {
    Path root = tmp.resolve("data").resolve(name);
    Path images = Files.createDirectories(root.resolve("images"));
    Path masks = Files.createDirectories(root.resolve("masks"));
    for (int i = 0; i < 4; i++) {
      OddImages.rgb(images.resolve("p" + i + ".png"), 48, 40, "png");
      OddImages.mask(masks.resolve("p" + i + ".png"), 48, 40);
    }
    if (file != null) {
      String base = file.substring(0, file.indexOf('.'));
      try (Stream<Path> s = Files.list(image ? images : masks)) {
        for (Path p : s.filter(p -> p.getFileName().toString().startsWith(base + ".")).toList()) {
          Files.delete(p);
        }
      }
      bad.write((image ? images : masks).resolve(file));
      Path other = (image ? masks : images).resolve(base + ".png");
      if (!Files.exists(other)) {
        if (image) {
          OddImages.mask(other, 48, 40);
        } else {
          OddImages.rgb(other, 48, 40, "png");
        }
      }
    }
    return root;
  }

  private static Path good() throws IOException {
    return OddImages.rgb(tmp.resolve("good.png"), 48, 40, "png");
  }

  private static Path copyRun(String name) throws IOException {
    Path target = tmp.resolve("runs-" + name).resolve("safe/run-001");
    copyTree(run, target);
    return target;
  }

  private static Path copyCheckpoint(Path checkpoint, String name) throws IOException {
    Path target = tmp.resolve("checkpoints").resolve(name);
    copyTree(checkpoint, target);
    return target;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path q = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(q);
        } else {
          Files.copy(p, q);
        }
      }
    }
  }

  private static void truncate(Path file) throws IOException {
    byte[] b = Files.readAllBytes(file);
    Files.write(file, Arrays.copyOf(b, b.length / 2));
  }

  /** Every path under the test folder, with a digest of each file's bytes. */
  private static Map<String, String> snapshot() throws Exception {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> s = Files.walk(tmp)) {
      for (Path p : s.toList()) {
        String key = tmp.relativize(p).toString();
        if (Files.isDirectory(p)) {
          out.put(key, "dir");
        } else {
          MessageDigest sha = MessageDigest.getInstance("SHA-256");
          out.put(key, HexFormat.of().formatHex(sha.digest(Files.readAllBytes(p))));
        }
      }
    }
    return out;
  }

  private static String changes(Map<String, String> before, Map<String, String> after) {
    List<String> out = new ArrayList<>();
    for (String k : before.keySet()) {
      if (!after.containsKey(k)) {
        out.add("-" + k);
      } else if (!after.get(k).equals(before.get(k))) {
        out.add("~" + k);
      }
    }
    for (String k : after.keySet()) {
      if (!before.containsKey(k)) {
        out.add("+" + k);
      }
    }
    return String.join(", ", out);
  }

  private static String shorten(String message) {
    return message.replace(tmp.toString(), "$TMP").replace("tfseg: error: ", "");
  }
}
