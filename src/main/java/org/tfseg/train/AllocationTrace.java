package org.tfseg.train;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.proto.AllocatorMemoryUsed;
import org.tensorflow.proto.DeviceStepStats;
import org.tensorflow.proto.NodeExecStats;
import org.tensorflow.proto.RunMetadata;

/**
 * Where TensorFlow's allocator memory goes in one traced step (a {@code FULL_TRACE} run's step
 * statistics), the breakdown PyTorch's memory summary gives: the bytes held between steps
 * (variables: weights, optimizer slots, BatchNorm statistics), the peak during the step, and the
 * bytes each op type's kernels allocated (outputs and scratch, by op type, largest first).
 * Allocators the trace names separately (one per device) are summed.
 *
 * @param heldBytes allocator bytes in use when the step's first allocation was made, minus it
 * @param peakBytes the largest allocator bytes in use any op saw during the step
 * @param byOpType total bytes allocated per op type, largest first
 */
public record AllocationTrace(long heldBytes, long peakBytes, List<OpAllocation> byOpType) {
  /** Total bytes allocated by one op type's kernels during the step, over {@code count} ops. */
  public record OpAllocation(String opType, long bytes, int count) {}

  /** The breakdown of a {@code FULL_TRACE} run's metadata. */
  public static AllocationTrace of(RunMetadata metadata) {
    Map<String, long[]> held = new HashMap<>(); // allocator -> {held, peak}
    Map<String, long[]> types = new HashMap<>(); // op type -> {bytes, count}
    for (DeviceStepStats device : metadata.getStepStats().getDevStatsList()) {
      for (NodeExecStats node : device.getNodeStatsList()) {
        long bytes = 0;
        for (AllocatorMemoryUsed a : node.getMemoryList()) {
          long[] h =
              held.computeIfAbsent(
                  device.getDevice() + " " + a.getAllocatorName(),
                  k -> new long[] {Long.MAX_VALUE, 0});
          if (a.getTotalBytes() > 0) {
            h[0] = Math.min(h[0], a.getAllocatorBytesInUse() - a.getTotalBytes());
          }
          h[1] = Math.max(h[1], a.getAllocatorBytesInUse());
          bytes += a.getTotalBytes();
        }
        long[] t = types.computeIfAbsent(opType(node), k -> new long[2]);
        t[0] += bytes;
        t[1]++;
      }
    }
    long heldTotal = 0;
    long peakTotal = 0;
    for (long[] h : held.values()) {
      heldTotal += h[0] == Long.MAX_VALUE ? h[1] : Math.max(0, h[0]);
      peakTotal += h[1];
    }
    List<OpAllocation> byType = new ArrayList<>();
    types.forEach((type, t) -> byType.add(new OpAllocation(type, t[0], (int) t[1])));
    byType.sort(Comparator.comparingLong(OpAllocation::bytes).reversed());
    return new AllocationTrace(heldTotal, peakTotal, List.copyOf(byType));
  }

  /**
   * The op type from the timeline label ({@code "name = Type(inputs)"}), without the oneDNN
   * rewrite's {@code _MklNative}/{@code _Mkl} prefix, so types read as in the graph.
   */
  static String opType(NodeExecStats node) {
    String label = node.getTimelineLabel();
    int eq = label.indexOf(" = ");
    int paren = label.indexOf('(', eq + 3);
    String type = eq < 0 || paren < 0 ? node.getNodeName() : label.substring(eq + 3, paren).trim();
    return type.replaceFirst("^_MklNative", "").replaceFirst("^_Mkl", "");
  }
}
