package org.tfseg.train;

import java.util.List;
import org.tensorflow.Graph;
import org.tensorflow.Operand;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tfseg.graph.SummaryRow;
import org.tfseg.graph.VariableStore;
import org.tfseg.optim.Optimizer;

/**
 * How a {@link TrainingGraph} trains when its batch is split over several replicas (in this
 * process, and possibly over the workers of a cluster): it builds the replicas' training towers,
 * the reduction of their gradients, losses and metric statistics and the one optimizer step, opens
 * the session and runs each step. Implemented in {@code org.tfseg.train.distribute}; without one
 * the training graph has its single tower.
 */
public interface Replication {
  /** Builds the training part of the graph. */
  Step build(Inputs inputs);

  /** The session the graph runs in (a local one, or one on this worker's TF server). */
  Session openSession(Graph graph);

  /**
   * Runs one training step: {@code runner} already feeds the batch and fetches the step's outputs.
   *
   * @param rows the batch's rows
   * @param samples how many of them are samples (0 for the padding row of an empty shard)
   */
  Result run(Session.Runner runner, int rows, int samples);

  /**
   * What the replicas are built from: the graph's shared parts.
   *
   * @param penalty the weight penalty added to the global batch's mean loss; null for none
   */
  record Inputs(
      Ops tf,
      ModelSpec spec,
      VariableStore store,
      Optimizer optimizer,
      Placeholder<TFloat32> images,
      Placeholder<TFloat32> targets,
      List<SummaryRow> summary,
      Operand<TFloat32> penalty) {}

  /**
   * The built training part.
   *
   * @param loss the global batch's mean loss (plus the weight penalty)
   * @param samples the global batch's sample count (a float32 scalar)
   * @param statistics each training metric's additive statistics over the global batch
   * @param step one optimizer step with the reduced gradients and the BatchNorm updates
   */
  record Step(
      Operand<TFloat32> loss,
      Operand<TFloat32> samples,
      List<List<Operand<TFloat64>>> statistics,
      Op step) {}
}
