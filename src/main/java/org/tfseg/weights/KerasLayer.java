package org.tfseg.weights;

import java.util.List;

/** A layer of a Keras weights file with its weights in {@code weight_names} order (may be none). */
public record KerasLayer(String name, List<KerasWeight> weights) {}
