package org.tfseg.data;

import java.util.List;
import org.tensorflow.Result;
import org.tensorflow.types.TFloat32;

/**
 * One batch fetched from an {@link InputPipeline}. It owns its native tensors: close it once the
 * tensors have been fed to the training session (closing frees {@link #images()} and {@link
 * #masks()}).
 */
public final class Batch implements AutoCloseable {
  private final Result result;
  private final TFloat32 images;
  private final TFloat32 masks;
  private final List<String> ids;

  Batch(Result result, TFloat32 images, TFloat32 masks, List<String> ids) {
    this.result = result;
    this.images = images;
    this.masks = masks;
    this.ids = List.copyOf(ids);
  }

  /** {@code [N, H, W, 3]} RGB in [0, 1]. */
  public TFloat32 images() {
    return images;
  }

  /** {@code [N, H, W, 1]} grey in [0, 1], or class indices for {@code labels} targets. */
  public TFloat32 masks() {
    return masks;
  }

  /** Sample ids, in batch order; empty for the padding row of an empty {@link Shard}. */
  public List<String> ids() {
    return ids;
  }

  /** Samples in the batch: its rows, except that a {@link Shard}'s padding row is none. */
  public int size() {
    return ids.size();
  }

  @Override
  public void close() {
    result.close();
  }
}
