package org.tfseg.model;

import java.util.List;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Layers;

/**
 * A model built with other BatchNorm settings ({@code model.batch_norm}); otherwise the same model.
 */
final class WithBatchNorm implements SegmentationModel {
  private final SegmentationModel model;
  private final BatchNormConfig batchNorm;

  WithBatchNorm(SegmentationModel model, BatchNormConfig batchNorm) {
    this.model = model;
    this.batchNorm = batchNorm;
  }

  @Override
  public String architecture() {
    return model.architecture();
  }

  @Override
  public int numClasses() {
    return model.numClasses();
  }

  @Override
  public int outputs() {
    return model.outputs();
  }

  @Override
  public int sizeMultiple() {
    return model.sizeMultiple();
  }

  @Override
  public int inputChannels() {
    return model.inputChannels();
  }

  @Override
  public Optional<PretrainedWeights> pretrained() {
    return model.pretrained();
  }

  @Override
  public List<Operand<TFloat32>> build(Layers layers, Operand<TFloat32> images) {
    return model.build(layers.withBatchNorm(batchNorm.momentum(), batchNorm.epsilon()), images);
  }
}
