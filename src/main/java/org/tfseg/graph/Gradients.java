package org.tfseg.graph;

import org.tensorflow.Graph;
import org.tensorflow.Output;
import org.tensorflow.op.Ops;

/** The backward pass of a training step: TF's gradients, or with the forward pass recomputed. */
public final class Gradients {
  private Gradients() {}

  /**
   * {@code d y / d xs}.
   *
   * @param checkpointing recompute the forward activations in the backward pass instead of keeping
   *     them ({@link GradientCheckpointing}); otherwise TF's {@code addGradients}, with {@link
   *     ReluRewire} when it is enabled
   */
  public static Output<?>[] of(Ops tf, Output<?> y, Output<?>[] xs, boolean checkpointing) {
    if (checkpointing) {
      return GradientCheckpointing.gradients(tf, y, xs);
    }
    Graph graph = (Graph) tf.scope().env();
    Output<?>[] grads = graph.addGradients(y, xs);
    if (ReluRewire.enabled()) {
      ReluRewire.apply(graph, "gradients");
    }
    return grads;
  }
}
