package org.tfseg.callback;

import java.nio.file.Path;
import java.util.Map;

/**
 * What a {@link Callback} may read and change in a running training loop; the trainer implements
 * it. Mirrors the parts of a Keras {@code Model} (and {@code callback.params}) that callbacks use.
 */
public interface TrainingControl {
  /** The run folder everything about this run is written into. */
  Path runDirectory();

  /** Optimizer steps applied so far (Keras {@code optimizer.iterations}), across resumes. */
  long globalStep();

  /** Epochs the run is configured for ({@code params["epochs"]}). */
  int epochs();

  /** Steps of the current epoch ({@code params["steps"]}). */
  int stepsInEpoch();

  /** The logs of the last finished epoch (empty before the first). */
  Map<String, Double> logs();

  /**
   * Current learning rate (the optimizer's learning-rate variable): the rate of the next step, or
   * with {@code optimizer.schedule} the rate the last step used.
   */
  double learningRate();

  /**
   * Sets the optimizer's learning-rate variable; takes effect at the next step.
   *
   * @throws IllegalStateException if the rate follows {@code optimizer.schedule} (as Keras refuses
   *     to set a schedule's rate)
   */
  void setLearningRate(double learningRate);

  /** Asks the loop to stop after the current epoch (Keras {@code model.stop_training = True}). */
  void requestStop();

  boolean stopRequested();

  /**
   * Writes a full checkpoint (weights, optimizer state, step, learning rate, callback state) under
   * the run directory's {@code checkpoints/NAME}; returns its path prefix.
   */
  String saveCheckpoint(String name);

  /**
   * Restores the run's checkpoint {@code NAME} into the model: every variable it holds, including
   * the optimizer slots and step it was saved with.
   */
  void restoreCheckpoint(String name);

  /** An in-memory copy of the model weights (Keras {@code get_weights}). */
  WeightSnapshot snapshotWeights();

  /** Puts a snapshot back into the model (Keras {@code set_weights}). */
  void restoreWeights(WeightSnapshot snapshot);

  /** Appends one line to the run log and the console. */
  void log(String line);

  /** Appends one line to the run log only. */
  void logToFile(String line);

  /**
   * The first {@code count} validation samples (fewer if the split is smaller), the same ones every
   * epoch; empty when there is no validation split.
   */
  java.util.Optional<ImageSamples> validationSamples(int count);

  /**
   * The primary output's probabilities on the inference tower (BatchNorm on moving statistics, as
   * validation runs): {@code [n, height, width, numClasses]} flattened, for {@code samples}'
   * images.
   */
  float[] predict(ImageSamples samples);

  /** Channels of the primary output: 1 (sigmoid) or C (softmax). */
  int numClasses();

  /** The training graph as a serialized {@code GraphDef}, for TensorBoard's graph view. */
  byte[] graphDef();

  /** Opaque copy of model weights held by a callback. */
  interface WeightSnapshot {}
}
