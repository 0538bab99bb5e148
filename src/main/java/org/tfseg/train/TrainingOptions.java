package org.tfseg.train;

/**
 * Loop settings: epochs, optional caps on steps per epoch and validation steps (null = whole
 * split), an optional total number of optimizer steps after which training stops (null = no limit),
 * how many periodic checkpoints are kept, and the divergence guard's loss bound and growth factor
 * ({@link DivergenceGuard}).
 */
public record TrainingOptions(
    int epochs,
    Integer stepsPerEpoch,
    Integer validationSteps,
    Long maxSteps,
    int keepCheckpoints,
    double lossUpperBound,
    double lossGrowthFactor) {}
