package org.tfseg.loss;

import com.fasterxml.jackson.annotation.JsonTypeName;
import org.tfseg.config.Check;

/**
 * BASNet's soft IoU loss {@code 1 − (Σpy + s)/(Σp + Σy − Σpy + s)} ({@code "type": "soft_iou"}).
 *
 * @param smooth smoothing {@code s} (default 1e-9, the seed's value; >= 0)
 */
@JsonTypeName("soft_iou")
public record SoftIouConfig(Double smooth) implements LossConfig {
  public SoftIouConfig {
    smooth = Check.orDefault(smooth, 1e-9);
    Check.atLeast(smooth, 0, "smooth");
  }

  @Override
  public Loss build() {
    return new SoftIou(smooth);
  }
}
