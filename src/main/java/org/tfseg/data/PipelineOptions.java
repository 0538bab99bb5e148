package org.tfseg.data;

import org.tfseg.UserError;

/**
 * How an {@link InputPipeline} batches samples.
 *
 * @param height output height of every image and mask
 * @param width output width
 * @param batchSize samples per batch
 * @param shuffle a new seeded order every epoch when true; file (id) order when false
 * @param seed seed of the per-epoch shuffle
 * @param parallelCalls samples decoded in parallel; {@value #AUTOTUNE} lets tf.data choose
 * @param prefetchBatches batches prepared ahead; 0 disables prefetching, {@value #AUTOTUNE} lets
 *     tf.data choose
 * @param dropRemainder drop a last batch smaller than {@code batchSize}
 * @param augmentation per-sample augmentation after the resize, seeded by ({@code seed}, epoch,
 *     sample index); {@link Augmentation#NONE} for evaluation
 * @param ignoreLabel the raw label value read as void ({@link LabelMap#VOID}), or −1 for none;
 *     class-label targets only
 * @param cache where decoded samples are kept between epochs
 * @param cacheDir the folder of a {@link SampleCache#FILE} cache (null otherwise)
 */
public record PipelineOptions(
    int height,
    int width,
    int batchSize,
    boolean shuffle,
    long seed,
    int parallelCalls,
    int prefetchBatches,
    boolean dropRemainder,
    Augmentation augmentation,
    int ignoreLabel,
    SampleCache cache,
    java.nio.file.Path cacheDir) {
  /** tf.data's AUTOTUNE value. */
  public static final int AUTOTUNE = -1;

  public PipelineOptions {
    if (height < 1 || width < 1) {
      throw new UserError("image size " + height + "x" + width + " must be positive");
    }
    if (augmentation == null) {
      throw new IllegalArgumentException("augmentation must not be null (use Augmentation.NONE)");
    }
    if (ignoreLabel < -1 || ignoreLabel > 255) {
      throw new IllegalArgumentException("ignore label " + ignoreLabel + " is not an 8-bit value");
    }
    if (cache == null || (cache == SampleCache.FILE) != (cacheDir != null)) {
      throw new IllegalArgumentException("a file cache needs a folder, and only a file cache");
    }
    if (batchSize < 1) {
      throw new UserError("batch size " + batchSize + " must be at least 1");
    }
    if (parallelCalls < 1 && parallelCalls != AUTOTUNE) {
      throw new UserError("parallel calls " + parallelCalls + " must be at least 1 or -1 (auto)");
    }
    if (prefetchBatches < 0 && prefetchBatches != AUTOTUNE) {
      throw new UserError("prefetch " + prefetchBatches + " must be at least 0 or -1 (auto)");
    }
  }

  /** No ignore label, no cache. */
  public PipelineOptions(
      int height,
      int width,
      int batchSize,
      boolean shuffle,
      long seed,
      int parallelCalls,
      int prefetchBatches,
      boolean dropRemainder,
      Augmentation augmentation) {
    this(
        height,
        width,
        batchSize,
        shuffle,
        seed,
        parallelCalls,
        prefetchBatches,
        dropRemainder,
        augmentation,
        -1,
        SampleCache.NONE,
        null);
  }

  /** These options with {@code cache} (in {@code cacheDir} for a file cache). */
  public PipelineOptions withCache(SampleCache cache, java.nio.file.Path cacheDir) {
    return new PipelineOptions(
        height,
        width,
        batchSize,
        shuffle,
        seed,
        parallelCalls,
        prefetchBatches,
        dropRemainder,
        augmentation,
        ignoreLabel,
        cache,
        cache == SampleCache.FILE ? cacheDir : null);
  }

  /** These options with {@code ignoreLabel} (−1 for none). */
  public PipelineOptions withIgnoreLabel(int ignoreLabel) {
    return new PipelineOptions(
        height,
        width,
        batchSize,
        shuffle,
        seed,
        parallelCalls,
        prefetchBatches,
        dropRemainder,
        augmentation,
        ignoreLabel,
        cache,
        cacheDir);
  }

  /** Without augmentation. */
  public PipelineOptions(
      int height,
      int width,
      int batchSize,
      boolean shuffle,
      long seed,
      int parallelCalls,
      int prefetchBatches,
      boolean dropRemainder) {
    this(
        height,
        width,
        batchSize,
        shuffle,
        seed,
        parallelCalls,
        prefetchBatches,
        dropRemainder,
        Augmentation.NONE);
  }

  /** Height of the delivered batches (the crop size when cropping). */
  public int outputHeight() {
    return augmentation.outputHeight(height);
  }

  /** Width of the delivered batches. */
  public int outputWidth() {
    return augmentation.outputWidth(width);
  }

  /** Shuffled with seed 0, one decode call per core, 2 batches prefetched, remainder kept. */
  public static PipelineOptions of(int height, int width, int batchSize) {
    return new PipelineOptions(
        height, width, batchSize, true, 0L, Runtime.getRuntime().availableProcessors(), 2, false);
  }
}
