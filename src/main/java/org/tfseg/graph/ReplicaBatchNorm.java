package org.tfseg.graph;

import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;

/**
 * The BatchNorm of a training replica when the batch is split over several replicas ({@code
 * org.tfseg.train.distribute}): it normalises with the replica's own or the global batch
 * statistics, and the replication makes one moving-average update per layer for all replicas
 * instead of one per replica. A training {@link Layers} tower without one uses its batch's
 * statistics and queues its own updates.
 */
public interface ReplicaBatchNorm {
  /**
   * {@code x} normalised with batch statistics, scaled by {@code gamma} and shifted by {@code
   * beta}; the moving statistics' update (with {@code momentum}) is the replication's.
   *
   * @param name the layer's name, the same in every replica
   */
  Operand<TFloat32> normalize(
      Ops tf,
      String name,
      Operand<TFloat32> x,
      ModelVariable gamma,
      ModelVariable beta,
      ModelVariable movingMean,
      ModelVariable movingVariance,
      float momentum,
      float epsilon);
}
