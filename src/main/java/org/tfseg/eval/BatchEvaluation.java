package org.tfseg.eval;

import org.tfseg.data.Batch;
import org.tfseg.train.StepResult;

/** Scores one batch: its loss (NaN if not computed) and each metric's additive statistics. */
@FunctionalInterface
public interface BatchEvaluation {
  StepResult evaluate(Batch batch);
}
