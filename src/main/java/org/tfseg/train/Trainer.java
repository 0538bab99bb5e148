package org.tfseg.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.tensorflow.exceptions.TFInvalidArgumentException;
import org.tensorflow.exceptions.TensorFlowException;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.types.TFloat32;
import org.tfseg.UserError;
import org.tfseg.callback.CallbackList;
import org.tfseg.callback.ImageSamples;
import org.tfseg.callback.TrainingControl;
import org.tfseg.data.Batch;
import org.tfseg.data.BatchIterator;
import org.tfseg.data.InputPipeline;
import org.tfseg.eval.Evaluator;
import org.tfseg.graph.Tensors;
import org.tfseg.run.CheckpointState;
import org.tfseg.run.CheckpointStore;
import org.tfseg.run.RunDirectory;
import org.tfseg.run.RunLog;

/**
 * The training loop (Keras {@code fit}): epochs of optimizer steps, a validation pass on the
 * inference tower after each epoch, and the callbacks' hooks in order. Everything else — the
 * progress bar, history, the periodic, {@code best} and {@code final} checkpoints — is a callback.
 * The loop keeps two guards of its own: a diverged loss ({@link DivergenceGuard}: not finite, above
 * a bound or grown by a factor) stops training before the epoch's callbacks, and SIGINT/SIGTERM
 * finish the current step, save a checkpoint and stop ({@link TrainingInterrupted}). A checkpoint
 * taken inside an epoch records how far the epoch got, so {@link #resume} continues at the next
 * batch with the same data order, augmentation and running epoch values.
 */
public final class Trainer {
  private final TrainingGraph graph;
  private final InputPipeline train;
  private final InputPipeline validation;
  private final TrainingOptions options;
  private final CallbackList callbacks;
  private final RunDirectory run;
  private final RunLog log;
  private final CheckpointStore checkpoints;
  private final Control control = new Control();
  private final DivergenceGuard divergence;
  private boolean stopRequested;
  private int completedEpochs;
  private int stepsInEpoch;

  /** Batches of the running epoch done so far (0 between epochs). */
  private int batchesDone;

  /** The running epoch's values; null between epochs. */
  private EpochAccumulator epochValues;

  private CheckpointState resumedFrom;
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
    this.checkpoints = new CheckpointStore(run.checkpointsDir(), options.keepCheckpoints());
    this.divergence = new DivergenceGuard(options.lossUpperBound(), options.lossGrowthFactor());
  }

  /**
   * Restores the newest intact periodic checkpoint of this run (weights, optimizer, callbacks and
   * the position inside its epoch); a damaged newer one is reported and skipped.
   *
   * @throws UserError if the run has no checkpoint that can be restored
   */
  public CheckpointState resume() {
    checkpoints.recover();
    for (String prefix : checkpoints.periodicNewestFirst()) {
      try {
        CheckpointState state = CheckpointState.read(prefix);
        graph.restore(prefix);
        callbacks.restoreState(state.callbacks());
        completedEpochs = state.epochsCompleted();
        divergence.restore(state.firstLoss());
        resumedFrom = state;
        log.line(
            "Resumed "
                + run.root()
                + " from "
                + prefix
                + ": "
                + completedEpochs
                + " epoch(s) done"
                + (state.batchesInEpoch() > 0
                    ? " and "
                        + state.batchesInEpoch()
                        + " batch(es) of epoch "
                        + (completedEpochs + 1)
                    : "")
                + " (step "
                + state.step()
                + ", learning rate "
                + state.learningRate()
                + ")");
        return state;
      } catch (UserError | TensorFlowException | TFInvalidArgumentException e) {
        log.line(
            "WARNING: "
                + prefix
                + " cannot be restored ("
                + firstLine(e.getMessage())
                + "); trying the next older checkpoint");
      }
    }
    throw new UserError(run.checkpointsDir() + ": no intact checkpoint to resume from");
  }

  /** Runs the remaining epochs; returns the last epoch's logs. */
  public Map<String, Double> fit() {
    try (Interruption interruption = Interruption.install()) {
      callbacks.onTrainBegin(control);
      int steps = cap(train.stepsPerEpoch(), options.stepsPerEpoch());
      Evaluator validator =
          validation == null
              ? null
              : new Evaluator(
                  graph.spec().metrics(), b -> graph.evaluate(b.images(), b.masks()), true);
      Map<String, Double> logs = new LinkedHashMap<>();
      for (int epoch = completedEpochs; epoch < options.epochs() && !stopRequested; epoch++) {
        int done =
            resumedFrom != null && epoch == resumedFrom.epochsCompleted()
                ? resumedFrom.batchesInEpoch()
                : 0;
        stepsInEpoch = done + stepsLeft(steps - done);
        if (stepsInEpoch == 0) {
          break;
        }
        epochValues = new EpochAccumulator(graph.spec().metrics());
        if (done > 0) {
          epochValues.restore(resumedFrom.epochProgress());
        }
        resumedFrom = null;
        batchesDone = done;
        callbacks.onEpochBegin(epoch, control);
        double lr = trainEpoch(epoch, interruption);
        logs = new LinkedHashMap<>(epochValues.values(""));
        if (validator != null) {
          logs.putAll(
              validator.run(validation, options.validationSteps(), "val_", callbacks, control));
          divergence.checkValidation(logs.get("val_loss"), epoch, lr);
        }
        stopIfInterrupted(interruption, epoch);
        logs.put("learning_rate", lr);
        completedEpochs = epoch + 1;
        batchesDone = 0;
        epochValues = null;
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
  }

  /**
   * Trains the rest of the epoch; returns the learning rate of its last step (the epoch's {@code
   * learning_rate}: the only one without a schedule, the one reached with it), or of the variable
   * when no step ran.
   */
  private double trainEpoch(int epoch, Interruption interruption) {
    double lr = graph.optimizer().learningRate(graph.session());
    try (BatchIterator it = train.epoch(epoch, batchesDone)) {
      for (int batch = batchesDone; batch < stepsInEpoch && it.hasNext(); batch++) {
        callbacks.onTrainBatchBegin(batch, control);
        try (Batch b = it.next()) {
          StepResult r = graph.train(b);
          lr = r.learningRate();
          divergence.checkStep(r.loss(), epoch, batch, lr);
          epochValues.add(r);
          batchesDone = batch + 1;
          Map<String, Double> batchLogs = new LinkedHashMap<>(epochValues.values(""));
          batchLogs.put("learning_rate", lr);
          batchLogs.put("size", (double) b.size());
          callbacks.onTrainBatchEnd(batch, batchLogs, control);
        }
        stopIfInterrupted(interruption, epoch);
      }
    }
    return lr;
  }

  /** After a signal: a checkpoint of exactly this point, then {@link TrainingInterrupted}. */
  private void stopIfInterrupted(Interruption interruption, int epoch) {
    if (interruption.requested()) {
      String prefix = control.saveCheckpoint(CheckpointStore.LAST);
      throw interruption.stop(prefix, epoch + 1, control.globalStep());
    }
  }

  /**
   * At most {@code wanted} steps, cut to what is left of {@code max_steps} (counted by the
   * checkpointed optimizer step, so a resumed run stops at the same step).
   */
  private int stepsLeft(int wanted) {
    if (options.maxSteps() == null) {
      return wanted;
    }
    long left = options.maxSteps() - graph.optimizer().iterations(graph.session());
    return (int) Math.max(0, Math.min(wanted, left));
  }

  private static int cap(int all, Integer limit) {
    return limit == null ? all : Math.min(all, limit);
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("").trim();
  }

  /** The divergence guard's error (a failure of the run, exit code 1). */
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
      long step = globalStep();
      CheckpointState state =
          new CheckpointState(
              completedEpochs,
              step,
              learningRate(),
              batchesDone,
              batchesDone > 0 ? epochValues.state() : null,
              callbacks.state(),
              divergence.firstLoss());
      return checkpoints.save(
          name,
          step,
          prefix -> {
            graph.save(prefix);
            state.write(prefix);
          });
    }

    @Override
    public void restoreCheckpoint(String name) {
      graph.restore(
          checkpoints
              .find(name)
              .orElseThrow(() -> new UserError(run.checkpointsDir() + ": no checkpoint " + name)));
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
