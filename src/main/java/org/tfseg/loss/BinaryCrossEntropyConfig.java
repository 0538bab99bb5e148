package org.tfseg.loss;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** Binary cross-entropy on the sigmoid output ({@code "type": "bce"}); no parameters. */
@JsonTypeName("bce")
public record BinaryCrossEntropyConfig() implements LossConfig {
  @Override
  public Loss build() {
    return new BinaryCrossEntropy();
  }
}
