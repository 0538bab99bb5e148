package org.tfseg.train;

/**
 * Loop settings: epochs, optional caps on steps per epoch and validation steps (null = whole
 * split), and whether the console is a terminal (progress bar redrawn in place).
 */
public record TrainingOptions(int epochs, Integer stepsPerEpoch, Integer validationSteps, boolean interactive) {}
