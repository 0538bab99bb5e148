package org.tfseg.weights;

import org.tfseg.graph.ModelVariable;

/** A model variable and the file weight (of the same shape) that will be its value. */
public record Assignment(ModelVariable variable, KerasWeight source) {}
