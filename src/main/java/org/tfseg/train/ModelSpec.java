package org.tfseg.train;

import java.util.List;
import java.util.function.Function;
import org.tensorflow.op.Ops;
import org.tfseg.graph.Precision;
import org.tfseg.loss.Loss;
import org.tfseg.metric.StreamingMetric;
import org.tfseg.model.SegmentationModel;
import org.tfseg.optim.L2Penalty;
import org.tfseg.optim.Optimizer;

/**
 * Everything a graph needs to be built for one experiment (the "task" of TF Model Garden):
 * architecture, input size, objective, optimizer factory and metrics. {@code height × width} is the
 * evaluation size; the training tower runs at {@code trainHeight × trainWidth}, which differs when
 * the training split is randomly cropped (the models are fully convolutional). {@code
 * regularization} (or null) is the weight penalty added to the loss; {@code precision} is the Keras
 * mixed-precision policy of both towers; {@code gradientCheckpointing} recomputes the training
 * tower's forward pass in the backward pass ({@link org.tfseg.graph.GradientCheckpointing}).
 *
 * <p>{@link #builder} names the optional parts and fills in their defaults; the canonical
 * constructor suits code that sets every field from a config, such as {@code SegmentationTask}.
 */
public record ModelSpec(
    SegmentationModel model,
    int height,
    int width,
    int channels,
    Loss loss,
    Function<Ops, Optimizer> optimizer,
    List<StreamingMetric> metrics,
    long seed,
    int trainHeight,
    int trainWidth,
    L2Penalty regularization,
    Precision precision,
    boolean gradientCheckpointing) {
  /** A builder of the required parts; the optional ones keep their defaults until set. */
  public static Builder builder(
      SegmentationModel model,
      int height,
      int width,
      int channels,
      Loss loss,
      Function<Ops, Optimizer> optimizer,
      List<StreamingMetric> metrics,
      long seed) {
    Builder b = new Builder();
    b.model = model;
    b.height = height;
    b.width = width;
    b.channels = channels;
    b.loss = loss;
    b.optimizer = optimizer;
    b.metrics = metrics;
    b.seed = seed;
    b.trainHeight = height;
    b.trainWidth = width;
    return b;
  }

  /**
   * Builds a {@link ModelSpec}: unless set, training at the evaluation size, no weight penalty,
   * float32, no gradient checkpointing. Nested, so the defaults stand next to the record they fill.
   */
  public static final class Builder {
    // The required parts, set once by ModelSpec.builder.
    private SegmentationModel model;
    private int height;
    private int width;
    private int channels;
    private Loss loss;
    private Function<Ops, Optimizer> optimizer;
    private List<StreamingMetric> metrics;
    private long seed;
    private int trainHeight;
    private int trainWidth;
    private L2Penalty regularization;
    private Precision precision = Precision.FLOAT32;
    private boolean gradientCheckpointing;

    private Builder() {}

    /** The training tower's input size (default: the evaluation size). */
    public Builder trainSize(int height, int width) {
      this.trainHeight = height;
      this.trainWidth = width;
      return this;
    }

    /** The weight penalty added to the loss (default: null, none). */
    public Builder regularization(L2Penalty regularization) {
      this.regularization = regularization;
      return this;
    }

    /** The mixed-precision policy of both towers (default: {@link Precision#FLOAT32}). */
    public Builder precision(Precision precision) {
      this.precision = precision;
      return this;
    }

    /** Recomputes the training tower's forward pass in the backward pass (default: false). */
    public Builder gradientCheckpointing(boolean gradientCheckpointing) {
      this.gradientCheckpointing = gradientCheckpointing;
      return this;
    }

    /** The spec of what is set so far; the builder stays usable. */
    public ModelSpec build() {
      return new ModelSpec(
          model,
          height,
          width,
          channels,
          loss,
          optimizer,
          metrics,
          seed,
          trainHeight,
          trainWidth,
          regularization,
          precision,
          gradientCheckpointing);
    }
  }
}
