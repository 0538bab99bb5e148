package org.tfseg.loss;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Sparse categorical cross-entropy on the softmax logits ({@code "type":
 * "sparse_categorical_crossentropy"}), Keras' {@code
 * SparseCategoricalCrossentropy(from_logits=True)}, for multi-class models with class-label
 * targets; no parameters.
 */
@JsonTypeName("sparse_categorical_crossentropy")
public record SparseCategoricalCrossEntropyConfig() implements LossConfig {
  @Override
  public Loss build() {
    return new SparseCategoricalCrossEntropy();
  }
}
