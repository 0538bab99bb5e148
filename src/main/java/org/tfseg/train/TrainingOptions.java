package org.tfseg.train;

/**
 * Loop settings: epochs, optional caps on steps per epoch and validation steps (null = whole
 * split), whether the console is a terminal (progress bar redrawn in place), and an optional total
 * number of optimizer steps after which training stops (null = no limit).
 */
public record TrainingOptions(int epochs, Integer stepsPerEpoch, Integer validationSteps, boolean interactive,
    Long maxSteps) {
  /** Without a step limit. */
  public TrainingOptions(int epochs, Integer stepsPerEpoch, Integer validationSteps, boolean interactive) {
    this(epochs, stepsPerEpoch, validationSteps, interactive, null);
  }
}
