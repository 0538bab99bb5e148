package org.tfseg.callback;

/**
 * What a {@link Callback} may read and change in a running training loop; the trainer implements
 * it. Mirrors the parts of a Keras {@code Model} that Keras callbacks touch.
 */
public interface TrainingControl {
  /** Current learning rate (the optimizer's learning-rate variable). */
  double learningRate();

  /** Sets the optimizer's learning-rate variable; takes effect at the next step. */
  void setLearningRate(double learningRate);

  /** Asks the loop to stop after the current epoch (Keras {@code model.stop_training = True}). */
  void requestStop();

  /**
   * Writes a full checkpoint (weights, optimizer state, step, learning rate, callback state) under
   * the run directory's {@code checkpoints/NAME}; returns its path prefix.
   */
  String saveCheckpoint(String name);

  /** An in-memory copy of the model weights (Keras {@code get_weights}). */
  WeightSnapshot snapshotWeights();

  /** Puts a snapshot back into the model (Keras {@code set_weights}). */
  void restoreWeights(WeightSnapshot snapshot);

  /** Appends one line to the run log and the console. */
  void log(String line);

  /** Opaque copy of model weights held by a callback. */
  interface WeightSnapshot {}
}
