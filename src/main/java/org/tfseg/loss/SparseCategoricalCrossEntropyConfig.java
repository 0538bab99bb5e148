package org.tfseg.loss;

/**
 * Sparse categorical cross-entropy on the softmax logits ({@code "type":
 * "sparse_categorical_crossentropy"}), Keras' {@code SparseCategoricalCrossentropy(from_logits=True)},
 * for multi-class models with class-label targets; no parameters.
 */
public record SparseCategoricalCrossEntropyConfig() implements LossConfig {}
