package org.tfseg.config;

import org.tfseg.data.AugmentationConfig;
import org.tfseg.data.SampleCache;
import org.tfseg.data.source.SourceConfig;

/**
 * The data pipeline: sources for each split, the size images are resized to, and input-pipeline
 * tuning.
 *
 * @param imageSize {@code [height, width]} every image and mask is resized to (required, 8..4096)
 * @param train training source (required)
 * @param validation validation source (optional; else {@code validationFraction} of train)
 * @param test test source (optional; else {@code testFraction} of train)
 * @param validationFraction share of train held out for validation when {@code validation} is
 *     absent (default 0, in [0, 0.9])
 * @param testFraction share of train held out for testing when {@code test} is absent (default 0,
 *     in [0, 0.9]); the two fractions sum to less than 1
 * @param parallelCalls parallel decode/augment workers (default 2, >= 1)
 * @param prefetchBatches batches prepared ahead of the training step (default 2, >= 0)
 * @param shuffle shuffle the training set every epoch (default true)
 * @param splitOrder how the fractions carve train: {@code shuffled} (seeded permutation, default)
 *     or {@code sorted} (file-name order: train, then validation, then test)
 * @param augmentation random augmentation of the training split (optional: none)
 * @param ignoreLabel the 8-bit value of void pixels in class-label targets (VOC's and Cityscapes'
 *     255), left out of losses and metrics (optional: none; 0..255; multi-class models only)
 * @param cache where decoded, resized samples are kept after the first epoch (default none)
 * @param maxImagePixels images and masks whose header claims more pixels are refused before
 *     anything is decoded (a decompression bomb; default PIL's {@code MAX_IMAGE_PIXELS},
 *     89,478,485; >= 1)
 */
public record DataConfig(
    ImageSize imageSize,
    SourceConfig train,
    SourceConfig validation,
    SourceConfig test,
    Double validationFraction,
    Double testFraction,
    Integer parallelCalls,
    Integer prefetchBatches,
    Boolean shuffle,
    SplitOrder splitOrder,
    AugmentationConfig augmentation,
    Integer ignoreLabel,
    SampleCache cache,
    Long maxImagePixels) {
  /** PIL's {@code Image.MAX_IMAGE_PIXELS}: 1024 * 1024 * 1024 // 4 // 3. */
  public static final long DEFAULT_MAX_IMAGE_PIXELS = 89_478_485L;

  public DataConfig {
    Check.required(imageSize, "image_size");
    imageSize.checkRange(8, 4096, "image_size");
    Check.required(train, "train");
    validationFraction = Check.orDefault(validationFraction, 0.0);
    testFraction = Check.orDefault(testFraction, 0.0);
    parallelCalls = Check.orDefault(parallelCalls, 2);
    prefetchBatches = Check.orDefault(prefetchBatches, 2);
    shuffle = Check.orDefault(shuffle, true);
    splitOrder = Check.orDefault(splitOrder, SplitOrder.SHUFFLED);
    cache = Check.orDefault(cache, SampleCache.NONE);
    Check.inRange(ignoreLabel, 0, 255, "ignore_label");
    Check.inRange(validationFraction, 0, 0.9, "validation_fraction");
    Check.inRange(testFraction, 0, 0.9, "test_fraction");
    if (validationFraction + testFraction >= 1) {
      throw new InvalidConfigException(
          "test_fraction",
          "validation_fraction + test_fraction must be < 1, got "
              + Check.fmt(validationFraction)
              + " + "
              + Check.fmt(testFraction));
    }
    Check.atLeast(parallelCalls, 1, "parallel_calls");
    Check.atLeast(prefetchBatches, 0, "prefetch_batches");
    maxImagePixels = Check.orDefault(maxImagePixels, DEFAULT_MAX_IMAGE_PIXELS);
    Check.atLeast(maxImagePixels, 1, "max_image_pixels");
    ImageSize crop = augmentation == null ? null : augmentation.randomCrop();
    if (crop != null && (crop.height() > imageSize.height() || crop.width() > imageSize.width())) {
      throw new InvalidConfigException(
          "augmentation.random_crop", "must fit in image_size " + imageSize + ", got " + crop);
    }
  }

  /** The size the training tower sees: the random crop if any, else {@code imageSize}. */
  public ImageSize trainingSize() {
    return augmentation != null && augmentation.randomCrop() != null
        ? augmentation.randomCrop()
        : imageSize;
  }

  /**
   * The share of train carved off for validation: {@code validationFraction} if no validation
   * source, else 0.
   */
  public double validationHoldout() {
    return validation == null ? validationFraction : 0.0;
  }

  /** The share of train carved off for testing: {@code testFraction} if no test source, else 0. */
  public double testHoldout() {
    return test == null ? testFraction : 0.0;
  }
}
