package org.tfseg.data;

import java.util.Iterator;

/**
 * The batches of one epoch. Each {@link Batch} returned by {@link #next()} must be closed by the
 * caller; closing the iterator ends the epoch early.
 */
public interface BatchIterator extends Iterator<Batch>, AutoCloseable {
  @Override
  void close();
}
