package org.tfseg.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/** An image size in pixels, written in JSON as {@code [height, width]}. */
public record ImageSize(int height, int width) {
  public ImageSize {
    if (height < 1 || width < 1) {
      throw new InvalidConfigException(
          null, "height and width must be >= 1, got [" + height + ", " + width + "]");
    }
  }

  @JsonCreator
  static ImageSize fromJson(List<Integer> hw) {
    if (hw.size() != 2) {
      throw new InvalidConfigException(
          null, "expected [height, width] (2 integers), got " + hw.size() + " element(s)");
    }
    return new ImageSize(hw.get(0), hw.get(1));
  }

  @JsonValue
  List<Integer> toJson() {
    return List.of(height, width);
  }

  /** Checks both sides are in [min, max]; {@code key} names the field holding this size. */
  public void checkRange(int min, int max, String key) {
    Check.inRange(height, min, max, key + "[0]");
    Check.inRange(width, min, max, key + "[1]");
  }

  @Override
  public String toString() {
    return "[" + height + ", " + width + "]";
  }
}
