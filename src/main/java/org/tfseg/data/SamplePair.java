package org.tfseg.data;

import java.nio.file.Path;

/** One training sample: an image file and its mask file, matched by the base name {@code id}. */
public record SamplePair(String id, Path image, Path mask) {}
