package org.tfseg.train;

import org.tensorflow.proto.ConfigProto;
import org.tensorflow.proto.RewriterConfig;

/**
 * The session config of training graphs: grappler's default passes, run once instead of twice, less
 * the four that have nothing to do in these graphs.
 *
 * <p>TensorFlow runs grappler over the pruned graph of every new (feeds, fetches, targets)
 * signature before its first run. For BASNet that is the ~5.8k-node initialization graph and the
 * ~9k-node training step, 2-3.5 s each under the default config, most of a user's wait before the
 * first step. Measured there (VLOG of {@code meta_optimizer}): the second meta-optimizer iteration
 * removes 7 nodes of the training graph and changes nothing in the initialization graph; the loop
 * optimizer and the implementation selector rewrite while loops and functions, which these graphs
 * do not have; the memory optimizer (swapping to host memory on GPUs, recomputation in scopes named
 * for it) changed nothing and took 0.3-0.4 s per graph: {@code training.gradient_checkpointing} is
 * tfseg's recomputation; the MLIR (TFG) pipeline, 0.4-0.5 s per graph, converts control-flow
 * functions these graphs do not have. The optimized graphs keep their node counts (BASNet's
 * training step 5,608 nodes either way). Remapper fusions, constant folding, the arithmetic,
 * dependency, shape and layout passes all still run; layout matters on GPUs (NHWC to NCHW).
 */
public final class TrainingSessionConfig {
  private TrainingSessionConfig() {}

  /** {@code base} (device counts, filters; null for none) with the training rewrite options. */
  public static ConfigProto of(ConfigProto base) {
    ConfigProto.Builder b = base == null ? ConfigProto.newBuilder() : base.toBuilder();
    b.getGraphOptionsBuilder()
        .getRewriteOptionsBuilder()
        .setMetaOptimizerIterations(RewriterConfig.NumIterationsType.ONE)
        .setLoopOptimization(RewriterConfig.Toggle.OFF)
        .setImplementationSelector(RewriterConfig.Toggle.OFF)
        .setMemoryOptimization(RewriterConfig.MemOptType.NO_MEM_OPT)
        .setDisableTfgOptimizer(true);
    return b.build();
  }
}
