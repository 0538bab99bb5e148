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
 * @param verticalFlip flip upside down with probability 0.5 (default false)
 * @param randomScale random scale, then pad/crop back (optional)
 * @param rotate random rotation (optional)
 * @param hueSaturationValue hue, saturation and value shifts (optional)
 * @param gaussianBlur Gaussian blur (optional)
 * @param gaussNoise additive Gaussian noise (optional)
 */
public record AugmentationConfig(
    Boolean horizontalFlip,
    ImageSize randomCrop,
    BrightnessContrastConfig brightnessContrast,
    Boolean verticalFlip,
    RandomScaleConfig randomScale,
    RotateConfig rotate,
    HueSaturationValueConfig hueSaturationValue,
    GaussianBlurConfig gaussianBlur,
    GaussNoiseConfig gaussNoise) {
  /** Flip, crop and brightness/contrast only. */
  public AugmentationConfig(
      Boolean horizontalFlip, ImageSize randomCrop, BrightnessContrastConfig brightnessContrast) {
    this(horizontalFlip, randomCrop, brightnessContrast, null, null, null, null, null, null);
  }

  public AugmentationConfig {
    horizontalFlip = Check.orDefault(horizontalFlip, false);
    verticalFlip = Check.orDefault(verticalFlip, false);
    if (randomCrop != null) {
      randomCrop.checkRange(8, 4096, "random_crop");
    }
  }

  /** The augmentation these settings describe. */
  public Augmentation build() {
    BrightnessContrastConfig bc = brightnessContrast;
    return new Augmentation(
        horizontalFlip,
        verticalFlip,
        randomCrop == null ? null : new Augmentation.Crop(randomCrop.height(), randomCrop.width()),
        randomScale == null ? null : randomScale.build(),
        rotate == null ? null : rotate.build(),
        bc == null
            ? null
            : new Augmentation.BrightnessContrast(bc.brightnessLimit(), bc.contrastLimit(), bc.p()),
        hueSaturationValue == null ? null : hueSaturationValue.build(),
        gaussianBlur == null ? null : gaussianBlur.build(),
        gaussNoise == null ? null : gaussNoise.build());
  }
}
