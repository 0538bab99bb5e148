package org.tfseg.train;

/**
 * Decides that a run diverged, before the diverged weights reach {@code best} or {@code final}: a
 * training step's loss that is not finite, above {@code lossUpperBound} (TF Model Garden's {@code
 * loss_upper_bound}) or above {@code growthFactor} times the run's first step loss (the untrained
 * model's, kept in the checkpoints so that a resumed run judges alike); and a {@code val_loss} that
 * is not finite or above the bound. Finite but exploded losses (1e4, 1e14) are as lost as NaN, and
 * would otherwise be saved as a model.
 */
final class DivergenceGuard {
  private final double upperBound;
  private final double growthFactor;
  private Double firstLoss;

  DivergenceGuard(double upperBound, double growthFactor) {
    this.upperBound = upperBound;
    this.growthFactor = growthFactor;
  }

  /** The run's first step loss; null before the first step. */
  Double firstLoss() {
    return firstLoss;
  }

  /** Continues a run whose first step loss was {@code loss} (null: not recorded). */
  void restore(Double loss) {
    firstLoss = loss;
  }

  /**
   * @throws Trainer.TrainingDiverged if the loss of a training step says the run diverged
   */
  void checkStep(double loss, int epoch, int batch, double learningRate) {
    String at = " at epoch " + (epoch + 1) + ", step " + (batch + 1) + advice(learningRate);
    if (!Double.isFinite(loss)) {
      throw new Trainer.TrainingDiverged("loss became " + loss + at);
    }
    if (loss > upperBound) {
      throw new Trainer.TrainingDiverged(
          "loss " + fmt(loss) + " is above training.loss_upper_bound " + fmt(upperBound) + at);
    }
    if (firstLoss == null) {
      firstLoss = loss;
    } else if (firstLoss > 0 && loss > growthFactor * firstLoss) {
      throw new Trainer.TrainingDiverged(
          "loss "
              + fmt(loss)
              + " is more than training.loss_growth_factor "
              + fmt(growthFactor)
              + " times the first step's "
              + fmt(firstLoss)
              + at);
    }
  }

  /**
   * @throws Trainer.TrainingDiverged if the epoch's validation loss says the run diverged
   */
  void checkValidation(Double valLoss, int epoch, double learningRate) {
    if (valLoss == null) {
      return;
    }
    String at = " at the end of epoch " + (epoch + 1) + advice(learningRate);
    if (!Double.isFinite(valLoss)) {
      throw new Trainer.TrainingDiverged("val_loss became " + valLoss + at);
    }
    if (valLoss > upperBound) {
      throw new Trainer.TrainingDiverged(
          "val_loss "
              + fmt(valLoss)
              + " is above training.loss_upper_bound "
              + fmt(upperBound)
              + at);
    }
  }

  private static String advice(double learningRate) {
    return " (learning rate "
        + learningRate
        + "); best and final were not written from it; lower optimizer.learning_rate and train"
        + " a new run";
  }

  private static String fmt(double v) {
    return Math.abs(v) >= 1e5 || (v != 0 && Math.abs(v) < 1e-3)
        ? String.format(java.util.Locale.ROOT, "%.3g", v)
        : String.format(java.util.Locale.ROOT, "%.4g", v).replaceAll("\\.?0+$", "");
  }
}
