package org.tfseg.task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.tfseg.UserError;
import org.tfseg.callback.Callback;
import org.tfseg.callback.CallbackConfig;
import org.tfseg.callback.ImageSamples;
import org.tfseg.config.Experiment;
import org.tfseg.config.ExperimentLoader;
import org.tfseg.config.ImageSize;
import org.tfseg.config.Split;
import org.tfseg.data.Augmentation;
import org.tfseg.data.DataSplits;
import org.tfseg.data.InputPipeline;
import org.tfseg.data.PairScan;
import org.tfseg.data.PipelineOptions;
import org.tfseg.data.SamplePair;
import org.tfseg.data.Shard;
import org.tfseg.eval.BatchEvaluation;
import org.tfseg.eval.EvaluationReport;
import org.tfseg.eval.Evaluator;
import org.tfseg.export.InferenceGraph;
import org.tfseg.export.Predictor;
import org.tfseg.export.ServingLayout;
import org.tfseg.io.OutputPaths;
import org.tfseg.metric.AllBackgroundMae;
import org.tfseg.metric.ClassIou;
import org.tfseg.metric.Metric;
import org.tfseg.metric.MetricGraph;
import org.tfseg.metric.StreamingMetric;
import org.tfseg.model.ModelSummary;
import org.tfseg.model.SegmentationModel;
import org.tfseg.sod.SodReport;
import org.tfseg.sod.SodScoring;
import org.tfseg.train.ModelSpec;
import org.tfseg.train.StepResult;

/**
 * An experiment made concrete (TF Model Garden's task): it builds the model, the input pipelines,
 * the loss, optimizer and metrics of the training graph, the callbacks, the inference graph and the
 * summary, and evaluates a predictor on a split. {@link TrainingRunner} trains it.
 */
public final class SegmentationTask {
  private final Experiment experiment;
  private final SegmentationModel model;

  public SegmentationTask(Experiment experiment) {
    this.experiment = experiment;
    this.model = experiment.model().create();
  }

  /** The experiment file with {@code --set}-style overrides ({@code "training.epochs=3"}). */
  public static SegmentationTask load(Path experimentFile, String... overrides) {
    return new SegmentationTask(ExperimentLoader.load(experimentFile, List.of(overrides)));
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
    return model.inputChannels();
  }

  /** The training graph's recipe: model, sizes, loss, optimizer and training metrics. */
  public ModelSpec trainingSpec() {
    ImageSize train = experiment.data().trainingSize();
    return new ModelSpec(
        model,
        height(),
        width(),
        channels(),
        experiment.loss().build(),
        experiment.optimizer()::build,
        metrics(experiment.training().metrics(), experiment.training().threshold()),
        experiment.seed(),
        train.height(),
        train.width(),
        experiment.training().regularization() == null
            ? null
            : experiment.training().regularization().build(),
        experiment.training().precision(),
        experiment.training().gradientCheckpointing());
  }

  /** The experiment's callbacks, in configuration order. */
  public List<Callback> callbacks() {
    return experiment.training().callbacks().stream().map(CallbackConfig::build).toList();
  }

  /**
   * The streaming (pixel-pooled) evaluation metrics; with {@code mean_iou}, also each class' IoU
   * ({@code iou_class<c>}); for binary models also {@code mae_all_background}.
   */
  public List<StreamingMetric> evaluationMetrics() {
    var e = experiment.evaluation();
    List<StreamingMetric> metrics = new ArrayList<>(metrics(e.metrics(), e.threshold()));
    if (e.metrics().contains(Metric.MEAN_IOU)) {
      for (int c = 0; c < Math.max(2, model.numClasses()); c++) {
        metrics.add(new ClassIou(c, e.threshold()));
      }
    }
    if (model.numClasses() == 1) {
      metrics.add(new AllBackgroundMae());
    }
    return metrics;
  }

  private static List<StreamingMetric> metrics(List<Metric> names, double threshold) {
    return names.stream().filter(Metric::streaming).map(m -> m.build(threshold)).toList();
  }

  /** Whether {@code evaluation.metrics} asks for the salient-object metrics. */
  public boolean sodEvaluation() {
    return experiment.evaluation().metrics().contains(Metric.SOD);
  }

  public DataSplits splits() {
    return DataSplits.resolve(experiment.data(), experiment.seed());
  }

  /** A split's samples; an empty split is a user error. */
  public List<SamplePair> samples(Split split) {
    List<SamplePair> samples = splits().get(split);
    if (samples.isEmpty()) {
      throw new UserError("the " + name(split) + " split of " + experiment.name() + " is empty");
    }
    return samples;
  }

  /**
   * Checks every pair's files before they are used ({@link PairScan}), with the experiment's pixel
   * limit.
   *
   * @throws UserError naming the first file with a problem
   */
  public void scan(List<SamplePair> samples) {
    PairScan.check(samples, experiment.data().maxImagePixels(), "data.max_image_pixels", n -> {});
  }

  /**
   * A pipeline over {@code samples}: shuffled with the experiment seed and augmented for training
   * only; uncached.
   */
  public InputPipeline pipeline(List<SamplePair> samples, boolean training) {
    return pipeline(samples, training, null);
  }

  /**
   * A pipeline over {@code samples} with the experiment's {@code data.cache}; a file cache goes
   * into {@code cacheDir} (null: no cache at all, for one-pass uses such as evaluation).
   */
  public InputPipeline pipeline(List<SamplePair> samples, boolean training, Path cacheDir) {
    return pipeline(samples, training, cacheDir, null);
  }

  /**
   * The same pipeline delivering only {@code shard}'s part of every global batch of {@code
   * training.batch_size} (null: the whole batches).
   */
  public InputPipeline pipeline(
      List<SamplePair> samples, boolean training, Path cacheDir, Shard shard) {
    var d = experiment.data();
    Augmentation augmentation =
        training && d.augmentation() != null ? d.augmentation().build() : Augmentation.NONE;
    PipelineOptions options =
        new PipelineOptions(
            height(),
            width(),
            shard == null ? experiment.training().batchSize() : shard.batchSize(),
            training && d.shuffle(),
            experiment.seed(),
            d.parallelCalls(),
            d.prefetchBatches(),
            false,
            augmentation);
    if (d.ignoreLabel() != null) {
      options = options.withIgnoreLabel(d.ignoreLabel());
    }
    if (cacheDir != null) {
      options = options.withCache(d.cache(), cacheDir);
    }
    return new InputPipeline(samples, options, shard);
  }

  /**
   * The first {@code count} samples of {@code split} (fewer if it is smaller) as the model sees
   * them: resized, unaugmented, in split order.
   */
  public ImageSamples firstSamples(Split split, int count) {
    List<SamplePair> all = samples(split);
    try (InputPipeline first = pipeline(all.subList(0, Math.min(count, all.size())), false)) {
      return ImageSamples.read(first, count, height(), width(), channels());
    }
  }

  /**
   * The serving graph (inference tower, float and encoded-image inputs) in the experiment's {@code
   * training.precision}, as validation computed; weights uninitialised.
   */
  public InferenceGraph inferenceGraph() {
    return new InferenceGraph(
        model, height(), width(), channels(), experiment.seed(), experiment.training().precision());
  }

  /** The serving graph with the weights of a training checkpoint. */
  public InferenceGraph inferenceGraph(String checkpointPrefix) {
    return inferenceGraph().restore(checkpointPrefix);
  }

  /**
   * Writes a SavedModel of a checkpoint's inference graph, BatchNorm folded into the convolutions
   * ({@link InferenceGraph#folded()}), into the new directory {@code dir}: into a hidden sibling
   * first, renamed to {@code dir} once complete, so a failed export leaves no directory that looks
   * like a SavedModel.
   *
   * @throws UserError if {@code dir} exists or cannot be written, or the checkpoint is damaged or
   *     of another model
   */
  public void export(String checkpointPrefix, Path dir) {
    OutputPaths.requireNew(dir, "export directory");
    try (InferenceGraph plain = inferenceGraph(checkpointPrefix);
        InferenceGraph g = plain.folded()) {
      Path staging = OutputPaths.partialSibling(dir, "export directory");
      try {
        Path model = staging.resolve(dir.toAbsolutePath().normalize().getFileName());
        try {
          g.exportSavedModel(model);
        } catch (UncheckedIOException e) {
          throw new UserError(
              dir + ": cannot write the SavedModel (" + OutputPaths.reason(e.getCause()) + ")", e);
        }
        OutputPaths.commit(model, dir, "export directory");
      } finally {
        OutputPaths.discard(staging);
      }
    }
  }

  /**
   * Writes a checkpoint's SavedModel as the next version of model {@code name} in TF Serving's
   * layout, {@code base/name/VERSION/}.
   *
   * @return the version's directory
   */
  public Path exportForServing(String checkpointPrefix, Path base, String name) throws IOException {
    try (InferenceGraph plain = inferenceGraph(checkpointPrefix);
        InferenceGraph g = plain.folded()) {
      return ServingLayout.writeVersion(base, name, g::exportSavedModel);
    }
  }

  /** Keras {@code model.summary()} at the experiment's input size. */
  public ModelSummary summary() {
    return ModelSummary.of(model, height(), width(), channels(), experiment.seed());
  }

  /**
   * The experiment's evaluation of {@code predictor} on {@code split}: its streaming metrics, or
   * with {@code "sod"} PySODMetrics at each mask's original size.
   *
   * @param source what {@code predictor} was loaded from, for the report
   */
  public EvaluationReport evaluate(
      Predictor predictor, Split split, String source, boolean savedModel) throws IOException {
    List<SamplePair> samples = samples(split);
    scan(samples);
    long start = System.nanoTime();
    SodReport sod = sodEvaluation() ? SodScoring.score(predictor, samples) : null;
    Map<String, Double> results = sod != null ? sod.values() : streamingMetrics(predictor, samples);
    return new EvaluationReport(
        experiment.name(),
        source,
        savedModel,
        name(split),
        samples.size(),
        seconds(start),
        results,
        sod);
  }

  /** The evaluation's streaming metrics of {@code predictor} over {@code samples}. */
  private Map<String, Double> streamingMetrics(Predictor predictor, List<SamplePair> samples) {
    List<StreamingMetric> metrics = evaluationMetrics();
    try (MetricGraph graph = new MetricGraph(metrics, height(), width(), model.numClasses());
        InputPipeline data = pipeline(samples, false)) {
      BatchEvaluation step =
          b ->
              new StepResult(
                  Double.NaN,
                  (int) b.images().shape().get(0),
                  graph.statistics(predictor.predict(b.images()), b.masks()));
      return new Evaluator(metrics, step, false).run(data, null, "");
    }
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }

  private static String name(Split split) {
    return split.name().toLowerCase(Locale.ROOT);
  }
}
