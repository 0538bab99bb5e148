package org.tfseg.model;

import java.util.List;
import java.util.Optional;
import org.tensorflow.Operand;
import org.tensorflow.types.TFloat32;
import org.tfseg.graph.Layers;

/**
 * An architecture and the facts about it that the rest of tfseg asks for: how many logits maps it
 * returns, the input it takes, what input sizes it supports and how it is initialised. {@link
 * #build} makes the forward pass of one tower and returns its logits, the primary output first
 * (deep-supervision models such as BASNet return their side outputs after it); it is called once
 * per tower with the same names, so towers share weights.
 */
public interface SegmentationModel {
  /** Registry name, e.g. {@code unet}. */
  String architecture();

  /** Channels of each logits output: 1 for binary (sigmoid), C for C-class softmax. */
  int numClasses();

  /** Logits maps {@link #build} returns. */
  default int outputs() {
    return 1;
  }

  /** Input height and width (and crop sizes) must be multiples of this. */
  int sizeMultiple();

  /** Channels of the input image. */
  int inputChannels();

  /** Weights loaded into the fresh model when training starts (not on resume), if any. */
  default Optional<PretrainedWeights> pretrained() {
    return Optional.empty();
  }

  List<Operand<TFloat32>> build(Layers layers, Operand<TFloat32> images);
}
