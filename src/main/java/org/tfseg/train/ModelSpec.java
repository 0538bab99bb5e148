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
  /** Activations kept for the backward pass. */
  public ModelSpec(
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
      Precision precision) {
    this(
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
        false);
  }

  /** Float32. */
  public ModelSpec(
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
      L2Penalty regularization) {
    this(
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
        Precision.FLOAT32);
  }

  /** No weight penalty, float32. */
  public ModelSpec(
      SegmentationModel model,
      int height,
      int width,
      int channels,
      Loss loss,
      Function<Ops, Optimizer> optimizer,
      List<StreamingMetric> metrics,
      long seed,
      int trainHeight,
      int trainWidth) {
    this(
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
        null,
        Precision.FLOAT32);
  }

  /** Training and evaluation at the same size, no weight penalty, float32. */
  public ModelSpec(
      SegmentationModel model,
      int height,
      int width,
      int channels,
      Loss loss,
      Function<Ops, Optimizer> optimizer,
      List<StreamingMetric> metrics,
      long seed) {
    this(model, height, width, channels, loss, optimizer, metrics, seed, height, width);
  }
}
