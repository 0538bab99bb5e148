package org.tfseg.weights;

import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.dataset.chunked.Chunk;
import io.jhdf.dataset.chunked.ChunkedDatasetBase;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.Map;

/**
 * The chunks a chunked dataset's index (B-tree, fixed or extensible array, single chunk) lists,
 * with their addresses and stored sizes. jHDF 0.11.0 reads them into a lookup that its API keeps
 * protected ({@code ChunkedDatasetBase.getChunkLookup}, what its own reads use); this opens it by
 * reflection, which the class path allows.
 */
final class JhdfChunks {
  private JhdfChunks() {}

  private static final class Lookup {
    static final Method METHOD = method();

    private static Method method() {
      try {
        Method m = ChunkedDatasetBase.class.getDeclaredMethod("getChunkLookup");
        m.setAccessible(true);
        return m;
      } catch (ReflectiveOperationException | RuntimeException e) {
        throw new IllegalStateException(
            "jHDF has no accessible ChunkedDatasetBase.getChunkLookup (not jHDF 0.11.0?)", e);
      }
    }
  }

  /** Reads the dataset's chunk index; its exceptions (jHDF's) pass through. */
  @SuppressWarnings("unchecked")
  static Collection<Chunk> of(ChunkedDataset d) {
    if (!(d instanceof ChunkedDatasetBase base)) {
      throw new IllegalArgumentException("not a jHDF chunked dataset: " + d.getClass().getName());
    }
    try {
      return ((Map<?, Chunk>) Lookup.METHOD.invoke(base)).values();
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
