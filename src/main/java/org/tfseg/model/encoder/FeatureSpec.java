package org.tfseg.model.encoder;

/**
 * What an encoder exposes at one level, known before any graph is built (decoders size their blocks
 * from it).
 *
 * @param name the Keras layer whose output this is, e.g. {@code block_6_expand_relu}
 * @param channels channels of that output
 * @param stride input size divided by the feature's size (2, 4, 8, 16, 32)
 */
public record FeatureSpec(String name, int channels, int stride) {}
