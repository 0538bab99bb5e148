package org.tfseg.train;

/**
 * One batch's outputs: mean loss, each metric's additive statistics and, for a training step, the
 * learning rate it used (NaN otherwise).
 */
public record StepResult(double loss, int batchSize, double[][] statistics, double learningRate) {
  /** An evaluation batch: no learning rate. */
  public StepResult(double loss, int batchSize, double[][] statistics) {
    this(loss, batchSize, statistics, Double.NaN);
  }
}
