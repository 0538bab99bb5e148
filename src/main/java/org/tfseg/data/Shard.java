package org.tfseg.data;

/**
 * One worker's part of every global batch in synchronous data-parallel training: the global batch
 * order is what a single process at batch {@code globalBatch} sees ({@link InputPipeline}'s epoch
 * order), and worker {@code index} of {@code count} takes the rows {@code [⌊index·m/count⌋,
 * ⌊(index+1)·m/count⌋)} of each global batch of {@code m} samples. The shards are disjoint, cover
 * every sample and are the same on every run, so the cluster trains step for step on the batches a
 * single process would.
 *
 * <p>A last global batch smaller than the cluster leaves some shards empty; such a worker still
 * takes part in the step, with one padding row (the batch's first sample) that carries no weight
 * and is not reported as a sample.
 *
 * @param index this worker (0-based)
 * @param count workers sharing each global batch (>= 1)
 * @param globalBatch samples per global batch (>= count)
 */
public record Shard(int index, int count, int globalBatch) {
  public Shard {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("shard " + index + " of " + count);
    }
    if (globalBatch < count) {
      throw new IllegalArgumentException(
          "a global batch of " + globalBatch + " cannot be shared by " + count + " workers");
    }
  }

  /** First row of part {@code part} of {@code parts} of a batch of {@code rows}. */
  public static int start(int rows, int part, int parts) {
    return (int) ((long) part * rows / parts);
  }

  /** Rows of part {@code part} of {@code parts} of a batch of {@code rows}. */
  public static int size(int rows, int part, int parts) {
    return start(rows, part + 1, parts) - start(rows, part, parts);
  }

  /** This worker's rows of a full global batch. */
  public int batchSize() {
    return size(globalBatch, index, count);
  }

  /** Global batches in an epoch of {@code samples}: the same on every worker. */
  public int steps(int samples) {
    return (samples + globalBatch - 1) / globalBatch;
  }

  /** Whether this worker's slice of the epoch's last global batch is empty (padded). */
  public boolean padsLastBatch(int samples) {
    int last = samples - (steps(samples) - 1) * globalBatch;
    return size(last, index, count) == 0;
  }

  /**
   * The samples this worker reads in an epoch whose global order is {@code order}: its slice of
   * each global batch in turn, a padding row for an empty one.
   */
  public int[] select(int[] order) {
    int steps = steps(order.length);
    int[] out = new int[(steps - 1) * batchSize() + globalBatch];
    int n = 0;
    for (int b = 0; b < steps; b++) {
      int first = b * globalBatch;
      int rows = Math.min(globalBatch, order.length - first);
      int from = first + start(rows, index, count);
      int size = size(rows, index, count);
      if (size == 0) {
        out[n++] = order[first];
      }
      for (int k = 0; k < size; k++) {
        out[n++] = order[from + k];
      }
    }
    return java.util.Arrays.copyOf(out, n);
  }
}
