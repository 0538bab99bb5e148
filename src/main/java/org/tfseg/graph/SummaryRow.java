package org.tfseg.graph;

import org.tensorflow.ndarray.Shape;

/** One line of a Keras-like model summary: a layer, its output shape and the weights it created. */
public record SummaryRow(
    String name, String type, Shape outputShape, long params, String connectedTo) {}
