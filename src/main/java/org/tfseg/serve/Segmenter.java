package org.tfseg.serve;

import org.tfseg.export.Mask;

/** Runs the {@code :segment} endpoint's model call: one request at a time or batched. */
interface Segmenter extends AutoCloseable {
  /** A mask and the version that computed it. */
  record Segmented(Mask mask, long version) {}

  Segmented segment(byte[] image) throws InterruptedException;

  @Override
  default void close() {}

  /** Each request runs its own session call on the request's thread. */
  static Segmenter direct(ModelVersions versions) {
    return image -> {
      ServedModel m = versions.acquire();
      try {
        return new Segmented(m.segment(image), m.version);
      } finally {
        m.release();
      }
    };
  }
}
