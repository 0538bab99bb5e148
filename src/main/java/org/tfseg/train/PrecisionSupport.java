package org.tfseg.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.tfseg.graph.Precision;

/**
 * Whether this CPU computes a mixed-precision policy natively. oneDNN runs bfloat16 convolutions on
 * AVX512-BF16 or AMX-BF16 (flags {@code avx512_bf16}, {@code amx_bf16} in {@code /proc/cpuinfo})
 * and emulates them, slowly, otherwise; TensorFlow's CPU float16 kernels are mostly not oneDNN's,
 * so {@code mixed_float16} is meant for GPUs.
 */
public final class PrecisionSupport {
  private PrecisionSupport() {}

  /** The CPU flags of the first processor in {@code cpuinfo}; empty when unreadable. */
  static Set<String> cpuFlags(Path cpuinfo) {
    try {
      return Files.readAllLines(cpuinfo).stream()
          .filter(l -> l.startsWith("flags"))
          .findFirst()
          .map(l -> Arrays.stream(l.substring(l.indexOf(':') + 1).trim().split("\\s+")))
          .map(s -> s.collect(Collectors.toSet()))
          .orElse(Set.of());
    } catch (IOException e) {
      return Set.of();
    }
  }

  static boolean nativeBfloat16(Set<String> flags) {
    return flags.contains("avx512_bf16") || flags.contains("amx_bf16");
  }

  /** The one-line note for a policy this CPU runs slowly, or null. */
  static String note(Precision precision, Set<String> flags) {
    return switch (precision) {
      case FLOAT32 -> null;
      case MIXED_BFLOAT16 ->
          nativeBfloat16(flags)
              ? null
              : "note: this CPU has neither AVX512-BF16 nor AMX-BF16: mixed_bfloat16 is emulated"
                  + " and may be slower than float32";
      case MIXED_FLOAT16 ->
          "note: mixed_float16 on CPU: TensorFlow's CPU float16 kernels may be slower than"
              + " float32 (the policy is meant for GPUs)";
    };
  }

  static void warnIfSlow(Precision precision, PrintStream err) {
    String note = note(precision, cpuFlags(Path.of("/proc/cpuinfo")));
    if (note != null) {
      err.println(note);
    }
  }
}
