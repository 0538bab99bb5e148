package org.tfseg.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.ByteDataBuffer;
import org.tensorflow.types.TFloat32;
import org.tfseg.UserError;
import org.tfseg.io.AtomicFiles;

/**
 * Where a cached pipeline keeps its decoded, resized samples ({@link SampleCache}), filled once in
 * index order by {@link CacheFill}.
 *
 * <p>A file store is one raw float32 file per sample ({@code <index>.f32}: the {@code H×W×3} image,
 * then the {@code H×W} mask, native little-endian order) plus a {@code manifest.txt} written last,
 * naming the size, label map and every source file with its length and modification time. A store
 * whose manifest matches is reused (a resumed run skips decoding); any difference refills it.
 */
abstract class SampleStore implements AutoCloseable {
  protected final int height;
  protected final int width;
  protected int filled;

  private SampleStore(int height, int width) {
    this.height = height;
    this.width = width;
  }

  static SampleStore memory(int samples, int height, int width) {
    return new Memory(samples, height, width);
  }

  static SampleStore files(
      Path dir, List<SamplePair> samples, int height, int width, LabelMap labels) {
    return new Files_(dir, samples, height, width, labels);
  }

  /** Whether the store already holds every sample. */
  abstract boolean complete();

  /** Appends a decoded batch (the next samples in index order). */
  abstract void put(Batch batch);

  /** Ends the fill. */
  abstract void finish();

  /** The memory store's {@code [N, H, W, 3]} images. */
  TFloat32 images() {
    throw new IllegalStateException("not a memory store");
  }

  /** The memory store's {@code [N, H, W, 1]} masks. */
  TFloat32 masks() {
    throw new IllegalStateException("not a memory store");
  }

  /** The file store's file of sample {@code index}. */
  Path file(int index) {
    throw new IllegalStateException("not a file store");
  }

  @Override
  public void close() {}

  private static final class Memory extends SampleStore {
    private final int samples;
    private final TFloat32 images;
    private final TFloat32 masks;
    private boolean complete;

    Memory(int samples, int height, int width) {
      super(height, width);
      this.samples = samples;
      this.images = TFloat32.tensorOf(Shape.of(samples, height, width, 3));
      this.masks = TFloat32.tensorOf(Shape.of(samples, height, width, 1));
    }

    @Override
    boolean complete() {
      return complete;
    }

    @Override
    void put(Batch batch) {
      int n = (int) batch.images().shape().get(0);
      copy(batch.images(), images, filled, 3L * height * width * n);
      copy(batch.masks(), masks, filled, (long) height * width * n);
      filled += n;
    }

    private void copy(TFloat32 from, TFloat32 to, int first, long floats) {
      long perSample = to.shape().size() / samples;
      ByteDataBuffer target = to.asRawTensor().data().slice(4L * first * perSample, 4L * floats);
      from.asRawTensor().data().copyTo(target, 4L * floats);
    }

    @Override
    void finish() {
      if (filled != samples) {
        throw new IllegalStateException("cache filled with " + filled + " of " + samples);
      }
      complete = true;
    }

    @Override
    TFloat32 images() {
      return images;
    }

    @Override
    TFloat32 masks() {
      return masks;
    }

    @Override
    public void close() {
      images.close();
      masks.close();
    }
  }

  private static final class Files_ extends SampleStore {
    private final Path dir;
    private final List<SamplePair> samples;
    private final String manifest;

    Files_(Path dir, List<SamplePair> samples, int height, int width, LabelMap labels) {
      super(height, width);
      this.dir = dir.toAbsolutePath();
      this.samples = samples;
      StringBuilder m = new StringBuilder("tfseg sample cache 1\n");
      m.append("size ").append(height).append('x').append(width).append('\n');
      m.append("labels ").append(labels == null ? "grey" : labels.toString()).append('\n');
      for (SamplePair s : samples) {
        m.append(describe(s.image())).append('\t').append(describe(s.mask())).append('\n');
      }
      this.manifest = m.toString();
    }

    private static String describe(Path p) {
      try {
        return p.toAbsolutePath()
            + " "
            + Files.size(p)
            + " "
            + Files.getLastModifiedTime(p).toMillis();
      } catch (IOException e) {
        throw new UserError(p + ": cannot read: " + e.getMessage(), e);
      }
    }

    private Path manifestFile() {
      return dir.resolve("manifest.txt");
    }

    @Override
    boolean complete() {
      try {
        if (!Files.isRegularFile(manifestFile())
            || !Files.readString(manifestFile()).equals(manifest)) {
          return false;
        }
        long bytes = 16L * height * width;
        for (int i = 0; i < samples.size(); i++) {
          Path f = file(i);
          if (!Files.isRegularFile(f) || Files.size(f) != bytes) {
            return false;
          }
        }
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    @Override
    void put(Batch batch) {
      if (filled == 0) {
        try {
          Files.deleteIfExists(manifestFile());
        } catch (IOException e) {
          throw new UserError(manifestFile() + ": cannot delete: " + e.getMessage(), e);
        }
      }
      int n = (int) batch.images().shape().get(0);
      int imageBytes = 12 * height * width;
      int maskBytes = 4 * height * width;
      ByteDataBuffer images = batch.images().asRawTensor().data();
      ByteDataBuffer masks = batch.masks().asRawTensor().data();
      for (int k = 0; k < n; k++) {
        byte[] content = new byte[imageBytes + maskBytes];
        images.slice((long) k * imageBytes, imageBytes).read(content, 0, imageBytes);
        masks.slice((long) k * maskBytes, maskBytes).read(content, imageBytes, maskBytes);
        AtomicFiles.write(file(filled + k), content);
      }
      filled += n;
    }

    @Override
    void finish() {
      AtomicFiles.writeString(manifestFile(), manifest);
    }

    @Override
    Path file(int index) {
      return dir.resolve(index + ".f32");
    }
  }
}
