package org.tfseg.data;

import org.tfseg.config.Check;
import org.tfseg.config.ImageSize;

/**
 * Random per-sample augmentation of the training split, applied after the resize to {@code
 * image_size}; geometric ops move image and mask together. Seeded by (experiment seed, epoch,
 * sample index), so every epoch is reproducible and a resumed run sees the same data.
 *
 * @param horizontalFlip flip left-right with probability 0.5 (default false)
 * @param randomCrop crop {@code [H, W]} at a random position (optional; at most {@code
 *     image_size}); training then runs at this size, evaluation at {@code image_size}
 * @param brightnessContrast random brightness and contrast (optional)
 */
public record AugmentationConfig(
    Boolean horizontalFlip, ImageSize randomCrop, BrightnessContrastConfig brightnessContrast) {
  public AugmentationConfig {
    horizontalFlip = Check.orDefault(horizontalFlip, false);
    if (randomCrop != null) {
      randomCrop.checkRange(8, 4096, "random_crop");
    }
  }

  /** The augmentation these settings describe. */
  public Augmentation build() {
    BrightnessContrastConfig bc = brightnessContrast;
    return new Augmentation(
        horizontalFlip,
        randomCrop == null ? null : new Augmentation.Crop(randomCrop.height(), randomCrop.width()),
        bc == null
            ? null
            : new Augmentation.BrightnessContrast(
                bc.brightnessLimit(), bc.contrastLimit(), bc.p()));
  }
}
