package org.tfseg.train;

/** One batch's outputs: mean loss and each metric's additive statistics. */
public record StepResult(double loss, int batchSize, double[][] statistics) {}
