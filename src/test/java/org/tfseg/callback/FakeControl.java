package org.tfseg.callback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A {@link TrainingControl} without a model: records what callbacks ask of it. */
final class FakeControl implements TrainingControl {
  /** Stands for the weights at the end of {@code epoch}. */
  record Snapshot(int epoch) implements WeightSnapshot {}

  final List<String> log = new ArrayList<>();
  final List<String> saved = new ArrayList<>();
  final List<Integer> restoredEpochs = new ArrayList<>();
  final List<String> restoredCheckpoints = new ArrayList<>();

  /** Learning rate per epoch end, as passed in the logs. */
  final List<Double> learningRates = new ArrayList<>();

  boolean stopRequested;
  int epoch;
  private float learningRate;

  FakeControl(double learningRate) {
    this.learningRate = (float) learningRate;
  }

  /** The optimizer variable is float32, as in the trainer. */
  @Override
  public double learningRate() {
    return learningRate;
  }

  @Override
  public void setLearningRate(double learningRate) {
    this.learningRate = (float) learningRate;
  }

  @Override
  public void requestStop() {
    stopRequested = true;
  }

  @Override
  public String saveCheckpoint(String name) {
    saved.add(name);
    return "/runs/x/run-001/checkpoints/" + name + "/ckpt";
  }

  @Override
  public void restoreCheckpoint(String name) {
    restoredCheckpoints.add(name);
  }

  @Override
  public java.nio.file.Path runDirectory() {
    return java.nio.file.Path.of("/runs/x/run-001");
  }

  @Override
  public long globalStep() {
    return epoch;
  }

  @Override
  public int epochs() {
    return 100;
  }

  @Override
  public int stepsInEpoch() {
    return 1;
  }

  @Override
  public Map<String, Double> logs() {
    return Map.of();
  }

  @Override
  public boolean stopRequested() {
    return stopRequested;
  }

  @Override
  public void logToFile(String line) {}

  @Override
  public java.util.Optional<ImageSamples> validationSamples(int count) {
    return java.util.Optional.empty();
  }

  @Override
  public float[] predict(ImageSamples samples) {
    throw new AssertionError("FakeControl has no model");
  }

  @Override
  public int numClasses() {
    return 1;
  }

  @Override
  public byte[] graphDef() {
    return new byte[0];
  }

  @Override
  public WeightSnapshot snapshotWeights() {
    return new Snapshot(epoch);
  }

  @Override
  public void restoreWeights(WeightSnapshot snapshot) {
    restoredEpochs.add(((Snapshot) snapshot).epoch());
  }

  @Override
  public void log(String line) {
    log.add(line);
  }

  /**
   * Runs epochs {@code from..} of a Keras-like loop whose monitor {@code key} takes {@code values};
   * stops early when asked; does not call onTrainEnd. Returns the number of the last epoch run + 1.
   */
  int runEpochs(List<Callback> callbacks, String key, double[] values, int from) {
    for (epoch = from; epoch < values.length; epoch++) {
      for (Callback c : callbacks) {
        c.onEpochBegin(epoch, this);
      }
      Map<String, Double> logs = new LinkedHashMap<>();
      logs.put("loss", 1.0);
      logs.put(key, values[epoch]);
      for (Callback c : callbacks) {
        c.onEpochEnd(epoch, logs, this);
      }
      if (logs.containsKey("learning_rate")) {
        learningRates.add(logs.get("learning_rate"));
      }
      if (stopRequested) {
        return epoch + 1;
      }
    }
    return values.length;
  }

  void trainBegin(List<Callback> callbacks) {
    for (Callback c : callbacks) {
      c.onTrainBegin(this);
    }
  }

  void trainEnd(List<Callback> callbacks) {
    for (Callback c : callbacks) {
      c.onTrainEnd(Map.of(), this);
    }
  }
}
