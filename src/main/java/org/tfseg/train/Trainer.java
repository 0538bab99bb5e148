package org.tfseg.train;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tfseg.callback.CallbackList;
import org.tfseg.callback.ImageSamples;
import org.tfseg.callback.TrainingControl;
import org.tfseg.data.Batch;
import org.tfseg.data.BatchIterator;
import org.tfseg.data.InputPipeline;
import org.tfseg.eval.Evaluator;
import org.tfseg.graph.Tensors;
import org.tfseg.run.CheckpointState;
import org.tfseg.run.RunDirectory;
import org.tfseg.run.RunLog;

/**
 * The training loop (Keras {@code fit}): epochs of optimizer steps, a validation pass on the
 * inference tower after each epoch, and the callbacks' hooks in order. Everything else — the
 * progress bar, history, the {@code last}/{@code best} checkpoints — is a callback. The loop keeps
 * one guard of its own: a non-finite loss stops training.
 */
public final class Trainer {
  private final TrainingGraph graph;
  private final InputPipeline train;
  private final InputPipeline validation;
  private final TrainingOptions options;
  private final CallbackList callbacks;
  private final RunDirectory run;
  private final RunLog log;
  private final Control control = new Control();
  private boolean stopRequested;
  private int completedEpochs;
  private int stepsInEpoch;
  private Map<String, Double> epochLogs = Map.of();
  private ImageSamples panel;

  public Trainer(
      TrainingGraph graph,
      InputPipeline train,
      InputPipeline validation,
      TrainingOptions options,
      CallbackList callbacks,
      RunDirectory run,
      RunLog log) {
    this.graph = graph;
    this.train = train;
    this.validation = validation;
    this.options = options;
    this.callbacks = callbacks;
    this.run = run;
    this.log = log;
  }

  /** Restores a checkpoint of this run (weights, optimizer, callbacks); returns its state. */
  public CheckpointState resume(String checkpointName) {
    String prefix = run.checkpointPrefix(checkpointName).toString();
    CheckpointState state = CheckpointState.read(prefix);
    graph.restore(prefix);
    callbacks.restoreState(state.callbacks());
    completedEpochs = state.epochsCompleted();
    log.line(
        "Resumed "
            + run.root()
            + " after epoch "
            + completedEpochs
            + " (step "
            + state.step()
            + ", learning rate "
            + state.learningRate()
            + ")");
    return state;
  }

  /** Runs the remaining epochs; returns the last epoch's logs. */
  public Map<String, Double> fit() {
    callbacks.onTrainBegin(control);
    int steps = cap(train.stepsPerEpoch(), options.stepsPerEpoch());
    Evaluator validator =
        validation == null
            ? null
            : new Evaluator(
                graph.spec().metrics(), b -> graph.evaluate(b.images(), b.masks()), true);
    Map<String, Double> logs = new LinkedHashMap<>();
    for (int epoch = completedEpochs; epoch < options.epochs() && !stopRequested; epoch++) {
      stepsInEpoch = stepsLeft(steps);
      if (stepsInEpoch == 0) {
        break;
      }
      callbacks.onEpochBegin(epoch, control);
      double lr = graph.optimizer().learningRate(graph.session());
      logs = trainEpoch(epoch, lr);
      if (validator != null) {
        logs.putAll(
            validator.run(validation, options.validationSteps(), "val_", callbacks, control));
      }
      logs.put("learning_rate", lr);
      completedEpochs = epoch + 1;
      epochLogs = logs;
      callbacks.onEpochEnd(epoch, logs, control);
      if (stepsLeft(steps) == 0 && !stopRequested) {
        log.line("Reached training.max_steps = " + options.maxSteps() + " optimizer steps.");
        stopRequested = true;
      }
    }
    callbacks.onTrainEnd(logs, control);
    return logs;
  }

  private Map<String, Double> trainEpoch(int epoch, double lr) {
    EpochAccumulator acc = new EpochAccumulator(graph.spec().metrics());
    try (BatchIterator it = train.epoch(epoch)) {
      for (int batch = 0; batch < stepsInEpoch && it.hasNext(); batch++) {
        callbacks.onTrainBatchBegin(batch, control);
        try (Batch b = it.next()) {
          StepResult r = graph.train(b.images(), b.masks());
          if (!Double.isFinite(r.loss())) {
            throw new TrainingDiverged(
                "loss became "
                    + r.loss()
                    + " at epoch "
                    + (epoch + 1)
                    + ", step "
                    + (batch + 1)
                    + " (learning rate "
                    + lr
                    + "); lower the learning rate");
          }
          acc.add(r);
          Map<String, Double> batchLogs = new LinkedHashMap<>(acc.values(""));
          batchLogs.put("size", (double) b.size());
          callbacks.onTrainBatchEnd(batch, batchLogs, control);
        }
      }
    }
    return new LinkedHashMap<>(acc.values(""));
  }

  /**
   * Steps of the next epoch: the epoch's steps, cut to what is left of {@code max_steps} (counted
   * by the checkpointed optimizer step, so a resumed run stops at the same step).
   */
  private int stepsLeft(int epochSteps) {
    if (options.maxSteps() == null) {
      return epochSteps;
    }
    long left = options.maxSteps() - graph.optimizer().iterations(graph.session());
    return (int) Math.max(0, Math.min(epochSteps, left));
  }

  private static int cap(int all, Integer limit) {
    return limit == null ? all : Math.min(all, limit);
  }

  /** The non-finite-loss guard's error (an internal failure of the run, exit code 1). */
  public static final class TrainingDiverged extends RuntimeException {
    TrainingDiverged(String message) {
      super(message);
    }
  }

  private final class Control implements TrainingControl {
    @Override
    public Path runDirectory() {
      return run.root();
    }

    @Override
    public long globalStep() {
      return graph.optimizer().iterations(graph.session());
    }

    @Override
    public int epochs() {
      return options.epochs();
    }

    @Override
    public int stepsInEpoch() {
      return stepsInEpoch;
    }

    @Override
    public Map<String, Double> logs() {
      return epochLogs;
    }

    @Override
    public double learningRate() {
      return graph.optimizer().learningRate(graph.session());
    }

    @Override
    public void setLearningRate(double learningRate) {
      graph.optimizer().setLearningRate(graph.session(), learningRate);
    }

    @Override
    public void requestStop() {
      stopRequested = true;
    }

    @Override
    public boolean stopRequested() {
      return stopRequested;
    }

    @Override
    public String saveCheckpoint(String name) {
      String prefix = run.checkpointPrefix(name).toString();
      try {
        Files.createDirectories(Path.of(prefix).getParent());
      } catch (IOException e) {
        throw new UncheckedIOException("creating the folder of checkpoint " + prefix, e);
      }
      graph.save(prefix);
      new CheckpointState(completedEpochs, globalStep(), learningRate(), callbacks.state())
          .write(prefix);
      return prefix;
    }

    @Override
    public void restoreCheckpoint(String name) {
      graph.restore(run.checkpointPrefix(name).toString());
    }

    @Override
    public WeightSnapshot snapshotWeights() {
      return new Snapshot(graph.weights());
    }

    @Override
    public void restoreWeights(WeightSnapshot snapshot) {
      graph.setWeights(((Snapshot) snapshot).values());
    }

    @Override
    public void log(String line) {
      log.line(line);
    }

    @Override
    public void logToFile(String line) {
      log.fileOnly(line);
    }

    @Override
    public Optional<ImageSamples> validationSamples(int count) {
      if (validation == null) {
        return Optional.empty();
      }
      if (panel == null || panel.count() != Math.min(count, validation.size())) {
        ModelSpec spec = graph.spec();
        panel = ImageSamples.read(validation, count, spec.height(), spec.width(), spec.channels());
      }
      return Optional.of(panel);
    }

    @Override
    public float[] predict(ImageSamples samples) {
      try (TFloat32 x =
          Tensors.of(
              Shape.of(samples.count(), samples.height(), samples.width(), samples.channels()),
              samples.images())) {
        return graph.predict(x);
      }
    }

    @Override
    public int numClasses() {
      return graph.spec().model().numClasses();
    }

    @Override
    public byte[] graphDef() {
      return graph.session().graph().toGraphDef().toByteArray();
    }
  }

  private record Snapshot(List<float[]> values) implements TrainingControl.WeightSnapshot {}
}
