package org.tfseg.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Shards are disjoint, cover every sample in the global batches' order, and pad empty slices. */
class ShardTest {
  @Test
  void shardsPartitionEveryGlobalBatchInOrder() {
    int[] order = IntStream.range(0, 11).map(i -> 10 - i).toArray(); // 10, 9, …, 0
    Shard a = new Shard(0, 2, 4);
    Shard b = new Shard(1, 2, 4);
    assertArrayEquals(new int[] {10, 9, 6, 5, 2}, a.select(order));
    assertArrayEquals(new int[] {8, 7, 4, 3, 1, 0}, b.select(order));
    assertEquals(3, a.steps(11));
    assertEquals(2, a.batchSize());
    assertFalse(a.padsLastBatch(11));
    assertFalse(b.padsLastBatch(11));
  }

  @Test
  void anEmptySliceOfTheLastBatchIsOnePaddingRow() {
    int[] order = IntStream.range(0, 9).toArray();
    Shard a = new Shard(0, 2, 4);
    Shard b = new Shard(1, 2, 4);
    // the last global batch is sample 8 alone: shard 1's; shard 0 gets it as a padding row
    assertArrayEquals(new int[] {0, 1, 4, 5, 8}, a.select(order));
    assertTrue(a.padsLastBatch(9));
    assertArrayEquals(new int[] {2, 3, 6, 7, 8}, b.select(order));
    assertFalse(b.padsLastBatch(9));
    assertEquals(3, a.steps(9));
  }

  @Test
  void aGlobalBatchSmallerThanTheClusterIsRejected() {
    assertThrows(IllegalArgumentException.class, () -> new Shard(0, 3, 2));
    assertThrows(IllegalArgumentException.class, () -> new Shard(2, 2, 4));
  }
}
