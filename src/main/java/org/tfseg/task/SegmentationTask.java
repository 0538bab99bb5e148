package org.tfseg.task;

import java.util.ArrayList;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.tfseg.UserError;
import org.tfseg.model.EncoderUNetConfig;
import org.tfseg.config.Experiment;
import org.tfseg.config.ImageSize;
import org.tfseg.metric.Metric;
import org.tfseg.data.Augmentation;
import org.tfseg.data.InputPipeline;
import org.tfseg.data.PipelineOptions;
import org.tfseg.data.SamplePair;
import org.tfseg.metric.ClassIou;
import org.tfseg.metric.StreamingMetric;
import org.tfseg.model.SegmentationModel;
import org.tfseg.train.ModelSpec;

/**
 * An experiment made concrete (TF Model Garden's task): its model, the graph spec for training or
 * evaluation, and input pipelines over its splits.
 */
public final class SegmentationTask {
  private final Experiment experiment;
  private final SegmentationModel model;

  public SegmentationTask(Experiment experiment) {
    this.experiment = experiment;
    this.model = ModelRegistry.create(experiment.model());
  }

  public Experiment experiment() {
    return experiment;
  }

  public SegmentationModel model() {
    return model;
  }

  public int height() {
    return experiment.data().imageSize().height();
  }

  public int width() {
    return experiment.data().imageSize().width();
  }

  public int channels() {
    return ModelRegistry.inputChannels(experiment.model());
  }

  public ModelSpec trainingSpec() {
    ImageSize train = experiment.data().trainingSize();
    return new ModelSpec(model, height(), width(), channels(), Components.loss(experiment.loss()),
        Components.optimizer(experiment.optimizer()),
        Components.metrics(experiment.training().metrics(), experiment.training().threshold()), experiment.seed(),
        train.height(), train.width());
  }

  /**
   * The streaming (pixel-pooled) evaluation metrics; with {@code mean_iou}, also each class' IoU
   * ({@code iou_class<c>}); {@code sod} is scored per image elsewhere.
   */
  public List<StreamingMetric> evaluationMetrics() {
    var e = experiment.evaluation();
    List<Metric> streaming = e.metrics().stream().filter(m -> m != Metric.SOD).toList();
    List<StreamingMetric> metrics = new ArrayList<>(Components.metrics(streaming, e.threshold()));
    if (e.metrics().contains(Metric.MEAN_IOU)) {
      for (int c = 0; c < Math.max(2, model.numClasses()); c++) {
        metrics.add(new ClassIou(c, e.threshold()));
      }
    }
    return metrics;
  }

  /** Whether {@code evaluation.metrics} asks for the salient-object metrics. */
  public boolean sodEvaluation() {
    return experiment.evaluation().metrics().contains(Metric.SOD);
  }

  /**
   * The encoder's Keras weights file, if the experiment names one; a missing file is a user error
   * raised before anything is built.
   */
  public Optional<Path> encoderWeights() {
    if (experiment.model() instanceof EncoderUNetConfig e && e.encoder().weights() != null) {
      Path file = Path.of(e.encoder().weights());
      if (!Files.isRegularFile(file)) {
        throw new UserError(file + ": encoder weights file not found; download it with tools/fetch_weights.sh"
            + " (see weights/README.md), or set \"weights\": null to train the encoder from scratch");
      }
      return Optional.of(file);
    }
    return Optional.empty();
  }

  public DataSplits splits() {
    return DataSplits.resolve(experiment.data(), experiment.seed());
  }

  /**
   * A pipeline over {@code samples}: shuffled with the experiment seed and augmented for training
   * only.
   */
  public InputPipeline pipeline(List<SamplePair> samples, boolean training) {
    var d = experiment.data();
    PipelineOptions options = new PipelineOptions(height(), width(), experiment.training().batchSize(),
        training && d.shuffle(), experiment.seed(), d.parallelCalls(), d.prefetchBatches(), false,
        training ? Components.augmentation(d.augmentation()) : Augmentation.NONE);
    return new InputPipeline(samples, options);
  }
}
