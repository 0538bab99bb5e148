package org.tfseg.viz;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.tfseg.UserError;
import org.tfseg.export.Mask;
import org.tfseg.export.MaskPng;

/**
 * How {@code predict} draws a mask ({@code --format}). Pixels are foreground where a one-channel
 * mask has {@code p > 0.5}, or where a C-class mask's arg-max is not class 0 ({@link ClassMap}).
 */
public enum MaskFormat {
  /** 8-bit grey {@code round(255·p)} ({@link MaskPng}; C classes: the arg-max index). */
  PROBABILITY,
  /** 8-bit grey: 255 on foreground, 0 elsewhere. */
  BINARY,
  /** RGB: each pixel in its class' {@link Palette} colour (one channel: black and gold). */
  COLOR,
  /**
   * RGB: the input image with each foreground region blended half-and-half with its class colour
   * and outlined in it; background pixels unchanged.
   */
  OVERLAY;

  /** The weight of the class colour in an overlay. */
  public static final double ALPHA = 0.5;

  /** {@code --format}'s value; null gives {@link #PROBABILITY}. */
  public static MaskFormat parse(String value) {
    if (value == null) {
      return PROBABILITY;
    }
    for (MaskFormat f : values()) {
      if (f.option().equals(value)) {
        return f;
      }
    }
    throw new UserError(
        "--format: expected "
            + String.join(" | ", Arrays.stream(values()).map(MaskFormat::option).toList())
            + ", got '"
            + value
            + "'");
  }

  /** The format's name on the command line. */
  public String option() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The picture of {@code mask}.
   *
   * @param minMax min-max normalise a probability map first ({@link #PROBABILITY} only)
   * @param photo the input image at the mask's size, read only for {@link #OVERLAY}
   */
  public BufferedImage render(Mask mask, boolean minMax, Supplier<BufferedImage> photo) {
    if (this == PROBABILITY) {
      return MaskPng.image(mask, minMax);
    }
    ClassMap classes =
        ClassMap.ofProbabilities(mask.values(), mask.height(), mask.width(), mask.channels());
    return switch (this) {
      case BINARY ->
          MaskPng.greyImage(
              mask.width(),
              mask.height(),
              Arrays.stream(classes.classes()).map(c -> c == 0 ? 0 : 255).toArray());
      case COLOR -> RgbImages.classes(classes, Palette.forChannels(mask.channels()));
      default ->
          RgbImages.overlay(photo.get(), classes, Palette.forChannels(mask.channels()), ALPHA);
    };
  }
}
