package org.tfseg.loss;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How the SSIM window meets the border: {@code valid} as {@code tf.image.ssim}, {@code same} as the original BASNet. */
public enum SsimPadding {
  @JsonProperty("valid")
  VALID,
  @JsonProperty("same")
  SAME
}
