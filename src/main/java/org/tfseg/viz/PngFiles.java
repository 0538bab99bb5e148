package org.tfseg.viz;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.tfseg.UserError;
import org.tfseg.io.AtomicFiles;

/** Writes images as PNG files, creating the folder; failures are one-line user errors. */
public final class PngFiles {
  private PngFiles() {}

  public static void write(BufferedImage img, Path png) {
    try {
      Path parent = png.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      encode(img, png);
    } catch (IOException e) {
      throw new UserError(png + ": cannot write image (" + e.getMessage() + ")", e);
    }
  }

  /** Replaces {@code png} atomically (a sibling temp file, then a move): never half-written. */
  public static void writeAtomically(BufferedImage img, Path png) {
    AtomicFiles.write(png, temp -> encode(img, temp));
  }

  /** Deflate at its strongest level: panels of photographs shrink by about a tenth. */
  private static void encode(BufferedImage img, Path file) throws IOException {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
    if (!writers.hasNext()) {
      throw new IOException("no PNG writer");
    }
    ImageWriter writer = writers.next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0f);
    Files.deleteIfExists(file); // the stream below would not truncate a longer old file
    try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
      if (out == null) {
        throw new IOException("cannot open the file for writing");
      }
      writer.setOutput(out);
      writer.write(null, new IIOImage(img, null, null), param);
    } finally {
      writer.dispose();
    }
  }
}
