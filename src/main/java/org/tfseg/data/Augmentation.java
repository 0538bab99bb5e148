package org.tfseg.data;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Per-sample random augmentation of a training pipeline, applied after the resize, in this order:
 * random scale, rotation, random crop, horizontal and vertical flip (all moving image and mask
 * together), then on the image only brightness/contrast, hue/saturation/value, Gaussian blur and
 * Gaussian noise. Each part follows the Albumentations transform of the same name; see {@link
 * AugmentOps} for the ops. A null part is off.
 *
 * @param horizontalFlip flip left-right with probability 0.5
 * @param verticalFlip flip upside down with probability 0.5
 * @param crop crop size, or null for none
 * @param scale random scale, or null
 * @param rotate random rotation, or null
 * @param brightnessContrast brightness/contrast jitter, or null for none
 * @param hueSaturationValue HSV shifts, or null
 * @param gaussianBlur Gaussian blur, or null
 * @param gaussNoise additive Gaussian noise, or null
 */
public record Augmentation(
    boolean horizontalFlip,
    boolean verticalFlip,
    Crop crop,
    Scale scale,
    Rotate rotate,
    BrightnessContrast brightnessContrast,
    HueSaturationValue hueSaturationValue,
    GaussianBlur gaussianBlur,
    GaussNoise gaussNoise) {
  /** No augmentation. */
  public static final Augmentation NONE =
      new Augmentation(false, false, null, null, null, null, null, null, null);

  /** Flip, crop and brightness/contrast only. */
  public Augmentation(boolean horizontalFlip, Crop crop, BrightnessContrast brightnessContrast) {
    this(horizontalFlip, false, crop, null, null, brightnessContrast, null, null, null);
  }

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
   * Albumentations' {@code RandomScale} then {@code PadIfNeeded} (centred) and {@code RandomCrop}
   * back to the input size: with probability {@code p}, resize to {@code ⌊H·s⌋ × ⌊W·s⌋} with {@code
   * s = U(1 − limit, 1 + limit)}.
   */
  public record Scale(double limit, double p) {
    public Scale {
      if (!(limit >= 0 && limit < 1 && p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("scale limit must be in [0, 1) and p in [0, 1]");
      }
    }
  }

  /** Outside-the-image pixels of a rotation, TF's {@code ImageProjectiveTransformV3} fill modes. */
  public enum FillMode {
    /** Image 0, mask 0 (or void with an ignore label). */
    @JsonProperty("constant")
    CONSTANT,
    /** Mirrored about the edge, {@code d c b a | a b c d | d c b a}. */
    @JsonProperty("reflect")
    REFLECT,
    /** The nearest edge pixel repeated. */
    @JsonProperty("nearest")
    NEAREST
  }

  /**
   * Albumentations' {@code Rotate(limit)}: with probability {@code p}, a rotation about the centre
   * by {@code U(−limit, limit)} degrees (counter-clockwise when positive).
   */
  public record Rotate(double limit, double p, FillMode fillMode) {
    public Rotate {
      if (!(limit >= 0 && limit <= 180 && p >= 0 && p <= 1) || fillMode == null) {
        throw new IllegalArgumentException("rotation limit in [0, 180], p in [0, 1], a fill mode");
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

  /**
   * Albumentations' {@code HueSaturationValue} on a float image: with probability {@code p}, hue
   * shifted by {@code U(−hue, hue)} degrees (cyclically), saturation and value by {@code U(−sat,
   * sat)} / {@code U(−val, val)}, each clipped to [0, 1].
   */
  public record HueSaturationValue(double hueShift, double satShift, double valShift, double p) {
    public HueSaturationValue {
      if (!(hueShift >= 0 && satShift >= 0 && valShift >= 0 && p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("shift limits must be >= 0 and p in [0, 1]");
      }
    }
  }

  /**
   * Albumentations' {@code GaussianBlur} with a fixed odd kernel size: with probability {@code p},
   * a separable Gaussian of {@code σ = U(sigmaLow, sigmaHigh)}, borders reflected (OpenCV's {@code
   * BORDER_REFLECT_101}).
   */
  public record GaussianBlur(int kernelSize, double sigmaLow, double sigmaHigh, double p) {
    public GaussianBlur {
      if (kernelSize < 3 || kernelSize > 15 || kernelSize % 2 == 0) {
        throw new IllegalArgumentException("kernel size must be odd, 3..15");
      }
      if (!(sigmaLow > 0 && sigmaHigh >= sigmaLow && p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("need 0 < sigma_low <= sigma_high and p in [0, 1]");
      }
    }
  }

  /**
   * Albumentations' {@code GaussNoise} (per channel, mean 0): with probability {@code p}, {@code
   * clip(x + N(0, σ²), 0, 1)} per pixel and channel, {@code σ = U(stdLow, stdHigh)} per image.
   */
  public record GaussNoise(double stdLow, double stdHigh, double p) {
    public GaussNoise {
      if (!(stdLow >= 0 && stdHigh >= stdLow && p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("need 0 <= std_low <= std_high and p in [0, 1]");
      }
    }
  }

  public boolean isNone() {
    return equals(NONE);
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
