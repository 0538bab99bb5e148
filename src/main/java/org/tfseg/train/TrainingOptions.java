package org.tfseg.train;

/**
 * Loop settings: epochs, optional caps on steps per epoch and validation steps (null = whole
 * split), and an optional total number of optimizer steps after which training stops (null = no
 * limit).
 */
public record TrainingOptions(
    int epochs, Integer stepsPerEpoch, Integer validationSteps, Long maxSteps) {
  /** Without a step limit. */
  public TrainingOptions(int epochs, Integer stepsPerEpoch, Integer validationSteps) {
    this(epochs, stepsPerEpoch, validationSteps, null);
  }
}
