package org.tfseg.callback;

/**
 * A fixed set of images with their masks, as the model sees them: {@code [n, height, width,
 * channels]} images in [0, 1] and {@code [n, height, width, 1]} masks (grey in [0, 1] or class
 * labels), both flattened row-major.
 */
public record ImageSamples(
    float[] images, float[] masks, int count, int height, int width, int channels) {}
