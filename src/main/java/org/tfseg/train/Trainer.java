package org.tfseg.train;

import org.tfseg.callback.EarlyStopping;
import org.tfseg.callback.ModelCheckpoint;
import org.tfseg.callback.ProgressBar;
import org.tfseg.callback.Callback;
import org.tfseg.callback.History;
import org.tfseg.callback.TrainingControl;
import org.tfseg.run.RunDirectory;
import org.tfseg.run.RunLog;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tfseg.UserError;
import org.tfseg.data.Batch;
import org.tfseg.data.BatchIterator;
import org.tfseg.data.InputPipeline;

/**
 * The training loop (Keras {@code fit}): epochs of optimizer steps with a progress bar, a
 * validation pass on the inference tower after each epoch, callbacks in order, a {@code last}
 * checkpoint after every epoch (weights, optimizer slots, step, learning rate and callback state)
 * so a run can resume exactly, and a divergence guard that stops on a non-finite loss.
 */
public final class Trainer {
  static final String LAST = "last";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final TrainingGraph graph;
  private final InputPipeline train;
  private final InputPipeline validation;
  private final TrainingOptions options;
  private final List<Callback> callbacks;
  private final History history;
  private final RunDirectory run;
  private final RunLog log;
  private final PrintStream console;
  private boolean stopRequested;
  private int completedEpochs;

  public Trainer(TrainingGraph graph, InputPipeline train, InputPipeline validation, TrainingOptions options,
      List<Callback> callbacks, History history, RunDirectory run, RunLog log, PrintStream console) {
    this.graph = graph;
    this.train = train;
    this.validation = validation;
    this.options = options;
    this.callbacks = callbacks;
    this.history = history;
    this.run = run;
    this.log = log;
    this.console = console;
  }

  /** Restores the {@code last} checkpoint of this run; returns the number of epochs it had done. */
  public int resume() {
    String prefix = run.checkpointPrefix(LAST).toString();
    JsonNode state = readState(prefix);
    graph.restore(prefix);
    JsonNode cbs = state.get("callbacks");
    for (int i = 0; i < callbacks.size(); i++) {
      JsonNode s = cbs == null ? null : cbs.get(i);
      if (s != null && !s.isNull()) {
        callbacks.get(i).restoreState(s);
      }
    }
    completedEpochs = state.get("epochs_completed").asInt();
    history.truncate(completedEpochs);
    log.line("Resumed " + run.root() + " after epoch " + completedEpochs + " (step "
        + state.get("step").asLong() + ", learning rate " + state.get("learning_rate").asDouble() + ")");
    return completedEpochs;
  }

  /** Runs the remaining epochs; returns the last epoch's logs. */
  public Map<String, Double> fit() {
    Control control = new Control();
    callbacks.forEach(c -> c.onTrainBegin(control));
    history.onTrainBegin(control);
    int steps = cap(train.stepsPerEpoch(), options.stepsPerEpoch());
    Map<String, Double> logs = new LinkedHashMap<>();
    for (int epoch = completedEpochs; epoch < options.epochs() && !stopRequested; epoch++) {
      int epochSteps = stepsLeft(steps);
      if (epochSteps == 0) {
        break;
      }
      for (Callback c : callbacks) {
        c.onEpochBegin(epoch, control);
      }
      ProgressBar bar = new ProgressBar(console, epochSteps, options.interactive());
      bar.startEpoch(epoch, options.epochs());
      double lr = graph.optimizer().learningRate(graph.session());
      EpochAccumulator acc = new EpochAccumulator(graph.spec().metrics());
      try (BatchIterator it = train.epoch(epoch)) {
        for (int step = 1; step <= epochSteps && it.hasNext(); step++) {
          try (Batch b = it.next()) {
            StepResult r = graph.train(b.images(), b.masks());
            if (!Double.isFinite(r.loss())) {
              throw new TrainingDiverged("loss became " + r.loss() + " at epoch " + (epoch + 1) + ", step " + step
                  + " (learning rate " + lr + "); lower the learning rate");
            }
            acc.add(r);
            bar.update(step, acc.values(""), b.size());
          }
        }
      }
      logs = new LinkedHashMap<>(acc.values(""));
      if (validation != null) {
        logs.putAll(evaluate(graph, validation, cap(validation.stepsPerEpoch(), options.validationSteps()), "val_"));
      }
      logs.put("learning_rate", lr);
      bar.finish(logs);
      log.fileOnly("epoch " + (epoch + 1) + "/" + options.epochs() + ": " + format(logs));
      for (Callback c : callbacks) {
        c.onEpochEnd(epoch, logs, control);
      }
      history.onEpochEnd(epoch, logs, control);
      completedEpochs = epoch + 1;
      control.saveCheckpoint(LAST);
      if (stepsLeft(steps) == 0 && !stopRequested) {
        log.line("Reached training.max_steps = " + options.maxSteps() + " optimizer steps.");
        stopRequested = true;
      }
    }
    for (Callback c : callbacks) {
      c.onTrainEnd(logs, control);
      if (c instanceof EarlyStopping es && es.needsBestWeightsFromCheckpoint()) {
        graph.restore(run.checkpointPrefix(ModelCheckpoint.BEST).toString());
        log.line("Restoring model weights from the best checkpoint (epoch " + (es.bestEpoch().orElse(-1) + 1) + ").");
      }
    }
    control.saveCheckpoint("final");
    return logs;
  }

  /** Inference-tower pass over a split: loss and metrics with {@code prefix}. */
  public static Map<String, Double> evaluate(TrainingGraph graph, InputPipeline data, int steps, String prefix) {
    EpochAccumulator acc = new EpochAccumulator(graph.spec().metrics());
    try (BatchIterator it = data.epoch(0)) {
      for (int step = 1; step <= steps && it.hasNext(); step++) {
        try (Batch b = it.next()) {
          acc.add(graph.evaluate(b.images(), b.masks()));
        }
      }
    }
    return acc.values(prefix);
  }

  public static String format(Map<String, Double> logs) {
    StringBuilder b = new StringBuilder();
    logs.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k).append('=').append(String.format("%.6g", v)));
    return b.toString();
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

  private JsonNode readState(String prefix) {
    Path file = Path.of(prefix + ".json");
    if (!Files.isRegularFile(file)) {
      throw new UserError(file + ": missing; " + run.root() + " has no resumable checkpoint");
    }
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UserError(file + ": unreadable checkpoint state (" + e.getMessage() + ")");
    }
  }

  /** The non-finite-loss guard's error (an internal failure of the run, exit code 1). */
  public static final class TrainingDiverged extends RuntimeException {
    TrainingDiverged(String message) {
      super(message);
    }
  }

  private final class Control implements TrainingControl {
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
    public String saveCheckpoint(String name) {
      String prefix = run.checkpointPrefix(name).toString();
      try {
        Files.createDirectories(Path.of(prefix).getParent());
        graph.save(prefix);
        ObjectNode state = JSON.createObjectNode();
        state.put("epochs_completed", completedEpochs);
        state.put("step", graph.optimizer().iterations(graph.session()));
        state.put("learning_rate", learningRate());
        ArrayNode cbs = state.putArray("callbacks");
        callbacks.forEach(c -> cbs.add(c.state()));
        JSON.writerWithDefaultPrettyPrinter().writeValue(Path.of(prefix + ".json").toFile(), state);
      } catch (IOException e) {
        throw new UncheckedIOException("writing checkpoint " + prefix, e);
      }
      return prefix;
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
  }

  private record Snapshot(List<float[]> values) implements TrainingControl.WeightSnapshot {}
}
