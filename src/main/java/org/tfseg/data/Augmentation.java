package org.tfseg.data;

/**
 * Per-sample random augmentation of a training pipeline, applied after the resize: a random crop, a
 * horizontal flip (both moving image and mask together), then Albumentations' {@code
 * RandomBrightnessContrast} on the image only. See {@link AugmentOps} for the ops.
 *
 * @param horizontalFlip flip left-right with probability 0.5
 * @param crop crop size, or null for none
 * @param brightnessContrast brightness/contrast jitter, or null for none
 */
public record Augmentation(
    boolean horizontalFlip, Crop crop, BrightnessContrast brightnessContrast) {
  /** No augmentation. */
  public static final Augmentation NONE = new Augmentation(false, null, null);

  /** A crop to {@code height × width} at a uniformly random position. */
  public record Crop(int height, int width) {
    public Crop {
      if (height < 1 || width < 1) {
        throw new IllegalArgumentException(
            "crop size must be positive, got " + height + "x" + width);
      }
    }
  }

  /**
   * With probability {@code p}: {@code clip(α·x + β, 0, 1)}, {@code α = 1 + U(−contrastLimit,
   * contrastLimit)}, {@code β = U(−brightnessLimit, brightnessLimit)} (brightness_by_max on [0,
   * 1]).
   */
  public record BrightnessContrast(double brightnessLimit, double contrastLimit, double p) {
    public BrightnessContrast {
      if (!(brightnessLimit >= 0 && contrastLimit >= 0 && p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("limits must be >= 0 and p in [0, 1]");
      }
    }
  }

  public boolean isNone() {
    return !horizontalFlip && crop == null && brightnessContrast == null;
  }

  /** Output height for a resized height of {@code height}. */
  public int outputHeight(int height) {
    return crop == null ? height : crop.height();
  }

  /** Output width for a resized width of {@code width}. */
  public int outputWidth(int width) {
    return crop == null ? width : crop.width();
  }
}
