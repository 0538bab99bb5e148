package org.tfseg.optim;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.tfseg.graph.ModelVariable;

/**
 * Kinds of weight that weight decay and the L2 penalty can leave out, recognised by the leaf of the
 * variable name every layer of {@code org.tfseg.graph.Layers} gives them ({@code …/gamma}, {@code
 * …/beta}, {@code …/bias}). What is neither is a kernel ({@code …/kernel}, {@code
 * …/depthwise_kernel}).
 */
public enum WeightGroup {
  /** BatchNormalization's scale and offset, {@code gamma} and {@code beta}. */
  @JsonProperty("batch_norm")
  BATCH_NORM,
  /** The bias of a convolution. */
  @JsonProperty("bias")
  BIAS;

  /** Whether {@code v} belongs to this group. */
  public boolean contains(ModelVariable v) {
    String leaf = v.name().substring(v.name().lastIndexOf('/') + 1);
    return switch (this) {
      case BATCH_NORM -> leaf.equals("gamma") || leaf.equals("beta");
      case BIAS -> leaf.equals("bias");
    };
  }

  /** Whether {@code v} belongs to any of {@code groups}. */
  public static boolean any(Iterable<WeightGroup> groups, ModelVariable v) {
    for (WeightGroup g : groups) {
      if (g.contains(v)) {
        return true;
      }
    }
    return false;
  }
}
