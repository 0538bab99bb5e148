package org.tfseg.runtime;

import com.sun.jna.Native;
import java.util.Arrays;
import java.util.Set;

/**
 * Lets TensorFlow's oneDNN convolutions cache their filters in a process that never trains ({@code
 * TF_ONEDNN_ASSUME_FROZEN_WEIGHTS=1}): each convolution then reorders its weights into oneDNN's
 * blocked layout once instead of on every call (seed 000 U-Net, 256², batch 1 on this CPU: 1,015 →
 * 699 ms). Never in a training process: a cached filter would outlive the optimizer's update of it.
 * A value the user set, such as 0, is kept.
 */
public final class FrozenWeights {
  static final String VARIABLE = "TF_ONEDNN_ASSUME_FROZEN_WEIGHTS";

  /** Commands that load weights once and only run inference. */
  private static final Set<String> INFERENCE_ONLY = Set.of("serve", "predict", "eval");

  private FrozenWeights() {}

  /** Whether {@code tfseg args} only runs inference on weights that do not change. */
  static boolean inferenceOnly(String[] args) {
    if (args.length == 0) {
      return false;
    }
    return INFERENCE_ONLY.contains(args[0])
        || (args[0].equals("benchmark") && Arrays.asList(args).contains("--inference"));
  }

  /** Sets the variable for an inference-only command; call before TensorFlow loads. */
  public static void assumeFor(String[] args) {
    if (inferenceOnly(args) && System.getenv(VARIABLE) == null) {
      Native.load("c", NativeLogs.LibC.class).setenv(VARIABLE, "1", 0);
    }
  }
}
